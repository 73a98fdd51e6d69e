/**
 * First diagnostics after opening a document, over stdio, for gongwen's server and AutoCorrect's (issue #18: "first
 * diagnostics after open over stdio for both servers where the peer has one"). Each round starts each server afresh,
 * in turn (gongwen, AutoCorrect, gongwen, …, so a drift of a shared machine's speed falls on both), sends
 * `initialize`, opens one seed and then a second, and times each from the `didOpen` sent to the first
 * publication with its findings, in a folder of the two seeds only and in one with 100 more drafts. Targets: the
 * second document of a running server p50 < 100 ms, the first of a fresh server < 300 ms.
 *
 * AutoCorrect's server (`autocorrect server`, in the autocorrect-node package) prints a line of its own on stdout
 * before the protocol starts; the client here skips what comes before the first header.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Transform } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { median } from './stats';

const ROOT = path.resolve(__dirname, '..');
const ROUNDS = 7;
/** How long after its start gongwen's server writes its code cache (server-start.ts), with a margin. */
const CODE_CACHE_WRITTEN_MS = 11_000;
/** A server that has not published this long after an open is reported as failing, not waited for. */
const TIMEOUT_MS = 20_000;

interface Server {
  name: string;
  args: string[];
}

/** Drops whatever a server prints before its first message header (AutoCorrect's start-up line). */
function fromFirstHeader(): Transform {
  let started = false;
  let held = '';
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (started) return done(null, chunk);
      held += chunk.toString('latin1');
      const at = held.indexOf('Content-Length:');
      if (at < 0) return done();
      started = true;
      done(null, Buffer.from(held.slice(at), 'latin1'));
    },
  });
}

/** One fresh server: ms from spawn to its `initialize` answer, and from each `didOpen` to its diagnostics. */
async function openTwo(server: Server, workspace: string, docs: Array<{ uri: string; text: string }>, holdMs = 0): Promise<{ initialize: number; opens: number[] }> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, server.args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!.pipe(fromFirstHeader())), new StreamMessageWriter(child.stdin!));
  const arrived = new Map<string, number>();
  const waiting = new Map<string, () => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    // The first publication that carries findings (both seeds have some): AutoCorrect first clears a document it
    // opens with an empty list, then publishes its findings.
    if (arrived.has(p.uri) || p.diagnostics.length === 0) return;
    arrived.set(p.uri, performance.now());
    waiting.get(p.uri)?.();
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  try {
    const root = pathToFileURL(workspace).href;
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: root,
      workspaceFolders: [{ uri: root, name: path.basename(workspace) }],
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } }, workspace: { configuration: true } },
    });
    const initialize = performance.now() - started;
    await connection.sendNotification(InitializedNotification.type, {});
    const opens: number[] = [];
    for (const doc of docs) {
      const published = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${server.name}: no diagnostics for ${doc.uri} in ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
        waiting.set(doc.uri, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      const t = performance.now();
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: doc.uri, languageId: 'plaintext', version: 1, text: doc.text } });
      await published;
      opens.push(arrived.get(doc.uri)! - t);
    }
    await new Promise((resolve) => setTimeout(resolve, holdMs));
    return { initialize, opens };
  } finally {
    connection.dispose();
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    }
    child.stdin!.destroy();
    child.stdout!.destroy();
  }
}

/** The drafts besides the two seeds in each folder timed: none, and as many as an office keeps in one. */
const FOLDERS = [0, 100];

export async function run(): Promise<void> {
  const servers: Server[] = [{ name: 'gongwen', args: [path.join(ROOT, 'dist', 'server.js'), '--stdio'] }];
  try {
    servers.push({ name: 'AutoCorrect', args: [require.resolve('autocorrect-node/cli.js'), 'server'] });
  } catch {
    console.log('first diagnostics: autocorrect-node is not installed; only gongwen is timed');
  }
  console.log(`first diagnostics after didOpen, over stdio (${ROUNDS} fresh servers each, in turn; medians; seeds 000 then 001)`);
  for (const drafts of FOLDERS) {
    // A folder of its own, as a user opens a folder of drafts: the two seeds and `drafts` closed documents.
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-open-'));
    const seedDir = path.join(ROOT, 'seeds');
    const docs = fs.readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().slice(0, 2).map((f) => {
      fs.copyFileSync(path.join(seedDir, f), path.join(workspace, f));
      return { uri: pathToFileURL(path.join(workspace, f)).href, text: fs.readFileSync(path.join(seedDir, f), 'utf8') };
    });
    for (let i = 0; i < drafts; i++) fs.writeFileSync(path.join(workspace, `draft-${i}.txt`), docs[i % 2]!.text);
    const times = servers.map(() => ({ initialize: [] as number[], first: [] as number[], second: [] as number[] }));
    try {
      for (let round = 0; round < ROUNDS + 1; round++) {
        for (const [k, server] of servers.entries()) {
          // A first round, not counted, fills the disk cache; its servers run past the ten seconds after which
          // gongwen's server writes its code cache (server-start.ts), as an editor's first session does.
          const r = await openTwo(server, workspace, docs, round === 0 && drafts === FOLDERS[0] ? CODE_CACHE_WRITTEN_MS : 0);
          if (round === 0) continue;
          times[k]!.initialize.push(r.initialize);
          times[k]!.first.push(r.opens[0]!);
          times[k]!.second.push(r.opens[1]!);
        }
      }
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
    console.log(`  a folder with ${drafts === 0 ? 'the two seeds only' : `${drafts} more drafts`}:`);
    const ms = (v: number) => `${v.toFixed(0)} ms`;
    const ours = times[0]!;
    for (const [k, server] of servers.entries()) {
      const t = times[k]!;
      // From spawn: initialize answered, then the first document's diagnostics (what a user waits for at start).
      const fromSpawn = median(t.initialize.map((v, r) => v + t.first[r]!));
      let line = `    ${server.name}: initialize answered ${ms(median(t.initialize))} after spawn; first document ${ms(median(t.first))} (${ms(fromSpawn)} from spawn), second ${ms(median(t.second))}`;
      if (k === 0) {
        line += ` (targets: first < 300 ms ${median(t.first) < 300 ? 'met' : 'not met'}, second p50 < 100 ms ${median(t.second) < 100 ? 'met' : 'not met'})`;
      } else {
        line += `; gongwen/peer: first ${(median(ours.first) / median(t.first)).toFixed(2)}×, second ${(median(ours.second) / median(t.second)).toFixed(2)}×`;
      }
      console.log(line);
    }
  }
}

if (require.main === module) void run();
