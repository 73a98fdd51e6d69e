/**
 * The JSON of the server's messages over stdio, with the bytes of each published diagnostic kept
 * while its object lives (issue #18).
 *
 * On a 1 MB document every keystroke publishes ~960 diagnostics (~300 KB of JSON), and ~80 % of
 * them are the same objects as in the version before (service.ts keeps a finding's diagnostic while
 * its block is unchanged). The library's encoder (`Buffer.from(JSON.stringify(message))`) spent
 * 4–5 ms on each publication, most of it not in `JSON.stringify` (~1 ms) but in flattening and
 * converting the two-byte string it returns; here a kept diagnostic costs a copy of its bytes.
 * The bytes are exactly those of `JSON.stringify(message)` (test/unit/publish-encoder.test.ts).
 * Only the stdio transport can be given an encoder: over `--node-ipc` (VS Code) Node serialises.
 */
import type { Message } from 'vscode-languageserver/node';

const PUBLISH = 'textDocument/publishDiagnostics';
const COMMA = Buffer.from(',');
/** What follows the last diagnostic: the end of the array, of `params` and of the message. */
const CLOSE = ']}}';

/** Diagnostics are never changed once made (a moved finding is a new object), so their bytes hold. */
const bytesOf = new WeakMap<object, Buffer>();

function diagnosticBytes(diagnostic: object): Buffer {
  let bytes = bytesOf.get(diagnostic);
  if (!bytes) {
    bytes = Buffer.from(JSON.stringify(diagnostic), 'utf8');
    bytesOf.set(diagnostic, bytes);
  }
  return bytes;
}

const lastKey = (o: object) => {
  const keys = Object.keys(o);
  return keys[keys.length - 1];
};

/** The UTF-8 JSON of `message`, byte for byte what `JSON.stringify` gives. */
export function encodeMessage(message: Message): Buffer {
  const params = (message as { method?: string; params?: unknown }).method === PUBLISH ? (message as { params?: unknown }).params : undefined;
  const diagnostics = (params as { diagnostics?: unknown } | undefined)?.diagnostics;
  // The fast path needs `diagnostics` last in `params` and `params` last in the message, as the
  // library builds them; anything else (and any element not a plain object) takes the general one.
  if (
    Array.isArray(diagnostics) && diagnostics.length > 0 && lastKey(message) === 'params' && lastKey(params as object) === 'diagnostics' &&
    diagnostics.every((d) => typeof d === 'object' && d !== null && typeof (d as { toJSON?: unknown }).toJSON !== 'function')
  ) {
    const head = JSON.stringify({ ...message, params: { ...(params as object), diagnostics: [] } });
    if (head.endsWith('[' + CLOSE)) {
      const parts: Buffer[] = [Buffer.from(head.slice(0, -CLOSE.length), 'utf8')];
      diagnostics.forEach((d: object, i) => {
        if (i > 0) parts.push(COMMA);
        parts.push(diagnosticBytes(d));
      });
      parts.push(Buffer.from(CLOSE));
      return Buffer.concat(parts);
    }
  }
  return Buffer.from(JSON.stringify(message), 'utf8');
}

/** For `new StreamMessageWriter(process.stdout, { contentTypeEncoder })`: the library's JSON encoder, faster on publications. */
export const contentTypeEncoder = {
  name: 'application/json',
  encode: (message: Message): Promise<Uint8Array> => {
    try {
      return Promise.resolve(encodeMessage(message));
    } catch (err) {
      return Promise.reject(err);
    }
  },
};
