/**
 * A hostile or hurried client (issue #8), against the built server over stdio (`npm run build` first):
 * every request kind for a document never opened, positions and ranges outside the document,
 * `$/cancelRequest`, a document edited faster than it is analysed (no stale version is ever
 * published), and malformed configuration files. Every wait is on a server message, never a timer.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  LSPErrorCodes,
  MessageType,
  ReferencesRequest,
  ResponseError,
  type Position,
  type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { createLanguageService } from '../../server/src/service';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { perTest, seedPath, type TestClient } from './client';

function readSeed(prefix: string): { uri: string; text: string } {
  const file = seedPath(prefix);
  return { uri: pathToFileURL(file).href, text: fs.readFileSync(file, 'utf8') };
}

/** What the server must publish for `text` under default settings: rule, range and message (the docs link differs). */
function expectedDiagnostics(uri: string, text: string) {
  const service = createLanguageService({ settings: { ...DEFAULT_SETTINGS, language: 'zh-cn' } });
  return service.diagnostics(service.parse(uri, text)).map((d) => ({ code: d.code, range: d.range, message: d.message }));
}
const essentials = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message }));

/** Every request kind that takes a document, with the parameters it needs at `position` / `range`. */
function documentRequests(uri: string, position: Position, range: Range) {
  const textDocument = { uri };
  return [
    ['documentSymbol', () => DocumentSymbolRequest.type, { textDocument }],
    ['foldingRange', () => FoldingRangeRequest.type, { textDocument }],
    ['codeAction', () => CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } }],
    ['formatting', () => DocumentFormattingRequest.type, { textDocument, options: { tabSize: 4, insertSpaces: true } }],
    ['completion', () => CompletionRequest.type, { textDocument, position }],
    ['hover', () => HoverRequest.type, { textDocument, position }],
    ['definition', () => DefinitionRequest.type, { textDocument, position }],
    ['references', () => ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } }],
    ['codeLens', () => CodeLensRequest.type, { textDocument }],
  ] as const;
}

const isEmpty = (result: unknown) => result === null || (Array.isArray(result) && result.length === 0) || (typeof result === 'object' && result !== null && Array.isArray((result as { items?: unknown[] }).items) && (result as { items: unknown[] }).items.length === 0);

describe('LSP robustness against a hostile client (dist/server.js)', function () {
  this.timeout(60000);

  const each = perTest();

  async function session(gongwenJson: unknown = { language: 'zh-cn' }, files: Record<string, string> = {}) {
    const workspace = each.folder(gongwenJson);
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(workspace, name), content);
    const client = each.start({ workspace });
    await client.initialize();
    return { client, workspace };
  }

  /** The server still answers and analyses: a fresh document gets its diagnostics. */
  async function assertAlive(c: TestClient, version = 1): Promise<void> {
    const seed = readSeed('001');
    const uri = `${seed.uri}?alive=${c.diagnostics.mark()}`;
    const published = c.published(uri, version);
    await c.open(uri, seed.text, version);
    assert.deepEqual(essentials(await published), expectedDiagnostics(uri, seed.text));
  }

  it('answers every request kind for a document it never saw with an empty result, and logs no error', async () => {
    const { client } = await session();
    const position = { line: 3, character: 2 };
    for (const [name, type, params] of documentRequests('file:///nowhere/never-opened.gw', position, { start: position, end: position })) {
      const result = await client.connection.sendRequest(type() as never, params as never);
      assert.ok(isEmpty(result), `${name}: ${JSON.stringify(result)}`);
    }
    await assertAlive(client);
    assert.deepEqual(client.logs.items.filter((m) => m.type === MessageType.Error), []);
  });

  it('answers requests at positions and ranges outside the document, and keeps serving', async () => {
    const { client } = await session();
    const seed = readSeed('000');
    const published = client.published(seed.uri, 1);
    await client.open(seed.uri, seed.text, 1);
    await published;
    const lines = seed.text.split(/\r\n|\r|\n/);
    const far: Position[] = [
      { line: lines.length + 1000, character: 0 },
      { line: 0, character: 100000 },
      { line: lines.length - 1, character: lines[lines.length - 1]!.length + 50 },
      { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
    ];
    for (const position of far) {
      const ranges: Range[] = [{ start: position, end: position }, { start: { line: 0, character: 0 }, end: position }];
      for (const range of ranges) {
        for (const [name, type, params] of documentRequests(seed.uri, position, range)) {
          try {
            await client.connection.sendRequest(type() as never, params as never);
          } catch (err) {
            // An error response is acceptable for nonsense input; a crash or a hang is not.
            assert.ok(err instanceof ResponseError, `${name} at ${JSON.stringify(position)}: ${err}`);
          }
        }
      }
    }
    // Positions past the end are legal LSP (clients clamp them): no handler may have thrown on them.
    assert.deepEqual(client.logs.items.filter((m) => m.type === MessageType.Error).map((m) => m.message.split('\n')[0]), []);
    // A negative position is not even a valid LSP position: it must still not bring the server down.
    const negative = { line: -1, character: -5 };
    for (const [name, type, params] of documentRequests(seed.uri, negative, { start: negative, end: negative })) {
      await client.connection.sendRequest(type() as never, params as never).catch((err: unknown) => assert.ok(err instanceof ResponseError, `${name}: ${err}`));
    }
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: seed.uri } });
    assert.ok(Array.isArray(symbols) && symbols.length > 0, 'the document is still served');
    await assertAlive(client);
  });

  it('survives $/cancelRequest: for requests in flight, already answered, and never sent', async () => {
    const { client } = await session();
    const seed = readSeed('003');
    const published = client.published(seed.uri, 1);
    await client.open(seed.uri, seed.text, 1);
    await published;
    const outcomes: string[] = [];
    const pending: Array<Promise<unknown>> = [];
    for (let i = 0; i < 20; i++) {
      const source = new CancellationTokenSource();
      const request = i % 2 === 0
        ? client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: seed.uri } }, source.token)
        : client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: seed.uri }, position: { line: 40, character: 3 } }, source.token);
      source.cancel(); // sends $/cancelRequest right behind the request
      pending.push(request.then(
        () => outcomes.push('answered'),
        (err: unknown) => {
          assert.ok(err instanceof ResponseError, String(err));
          assert.equal(err.code, LSPErrorCodes.RequestCancelled);
          outcomes.push('cancelled');
        },
      ));
    }
    await Promise.all(pending);
    assert.equal(outcomes.length, 20, 'every cancelled request settles (answered or RequestCancelled), none hangs');
    // A cancellation for an id that does not exist (or finished long ago).
    await client.connection.sendNotification('$/cancelRequest', { id: 987654 });
    await client.connection.sendNotification('$/cancelRequest', { id: 'no-such-request' });
    await assertAlive(client);
  });

  it('never publishes a stale version while the document changes faster than it is analysed', async () => {
    const { client } = await session();
    // ~450 KB (150,000 UTF-16 units) from the seeds: analysis takes long enough for edits to pile up behind it.
    const seeds = ['000', '001', '002', '003', '004'].map((p) => readSeed(p).text);
    let text = '';
    while (text.length < 150_000) text += seeds.join('\n');
    const uri = 'file:///hurried/plan.gw';
    const mark = client.diagnostics.mark();
    await client.open(uri, text, 1);
    let version = 1;
    const lines = () => text.split('\n').length;
    /** An edit that changes findings: a heading renumbered, or a character typed. */
    const edit = async () => {
      version++;
      const line = (version * 7919) % lines();
      const change = version % 3 === 0
        ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '（二）' }
        : { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '字' };
      text = applyChange(text, change.range.start.line, change.text);
      await client.change(uri, version, [change]);
    };
    // Bursts: edits back to back, a request that makes the server parse mid-burst, then wait for one publish.
    for (let burst = 0; burst < 6; burst++) {
      for (let k = 0; k < 8; k++) await edit();
      void client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      for (let k = 0; k < 4; k++) await edit();
      if (burst % 2 === 1) await client.published(uri, version, mark);
    }
    const final = version;
    await client.published(uri, final, mark);
    // A round trip after the last publish: anything still queued in the server has been sent by now.
    await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    const versions = client.diagnostics.items.slice(mark).filter((p) => p.uri === uri).map((p) => p.version!);
    assert.ok(versions.length >= 2, `several publishes (${versions.join(', ')})`);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i]! >= versions[i - 1]!, `published versions never go back: ${versions.join(', ')}`);
    assert.equal(versions[versions.length - 1], final, `the last publish is for the final version ${final}: ${versions.join(', ')}`);
    const last = client.diagnostics.items.slice(mark).filter((p) => p.uri === uri).pop()!;
    assert.deepEqual(essentials(last), expectedDiagnostics(uri, text), 'and it describes the final text');
  });

  it('a malformed gongwen.json gets one warning naming the file and the line; the server keeps the defaults and publishes', async () => {
    const broken = '{\n  "language": "zh-cn",\n  "rules": { "heading-style": "warning", }\n  oops\n}\n';
    const { client } = await session(broken);
    const warning = await client.messages.waitFor((m) => m.type === MessageType.Warning && m.message.includes('gongwen.json'));
    assert.match(warning.message, /第 \d+ 行/, warning.message);
    await assertAlive(client);
    assert.equal(client.messages.items.filter((m) => m.message.includes('gongwen.json')).length, 1);
  });

  it('a malformed plan registry or department list named in gongwen.json gets a warning naming the file; bundled knowledge is kept', async () => {
    const { client } = await session(
      { language: 'zh-cn', plans: 'plans.json', departments: 'departments.json' },
      { 'plans.json': '[{ "id": ', 'departments.json': '\u0000\u0001 not json' },
    );
    await client.messages.waitFor((m) => m.type === MessageType.Warning && m.message.includes('plans.json'));
    await client.messages.waitFor((m) => m.type === MessageType.Warning && m.message.includes('departments.json'));
    await assertAlive(client);
  });
});

/** Inserts `inserted` at the start of line `line` (LF text), as the server applies an incremental change. */
function applyChange(text: string, line: number, inserted: string): string {
  let offset = 0;
  for (let l = 0; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return text.slice(0, offset) + inserted + text.slice(offset);
}
