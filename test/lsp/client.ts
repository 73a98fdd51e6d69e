/**
 * A minimal editor for the LSP tier: spawns the built server (`dist/server.js --stdio`), speaks
 * JSON-RPC to it, answers its `workspace/configuration` requests and records what it publishes.
 * Tests wait on recorded events (`Recorder.waitFor`), never on timers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeLensRefreshRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const REPO = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(REPO, 'dist', 'server.js');

/** A seed by its number prefix (`000`), so the tests do not depend on the hashed file names. */
export function seedPath(prefix: string): string {
  const dir = path.join(REPO, 'seeds');
  const name = fs.readdirSync(dir).find((f) => f.startsWith(`${prefix}_`) && f.endsWith('.txt'));
  if (!name) throw new Error(`no seed ${prefix}_*.txt in ${dir}`);
  return path.join(dir, name);
}

/** Seed 000 with its 17% lowered to 16.5%, so an upper plan's 17% (seed 002's) makes a target-below-upper finding. */
export function loweredSeed000(): string {
  return fs.readFileSync(seedPath('000'), 'utf8').replace('比例达到 17%', '比例达到 16.5%');
}
/** What that finding names when it comes from seed 002 as the upper file, not from the bundled registry. */
export const FROM_UPPER_FILE = /威海《关于新时代进一步加强科学技术普及工作的实施意见》/;

/** A temporary workspace folder; `gongwen.json` is written as given (a string may be malformed on purpose). */
export function makeWorkspace(gongwenJson?: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-lsp-'));
  if (gongwenJson !== undefined) writeProjectConfig(dir, gongwenJson);
  return dir;
}

export function writeProjectConfig(dir: string, content: unknown): string {
  const file = path.join(dir, 'gongwen.json');
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

/** Everything of one kind the server sent, in arrival order, with waiters for what is still to come. */
export interface Recorder<T> {
  readonly items: readonly T[];
  push(item: T): void;
  /** Where the record stands now; pass it to `waitFor` to see only what arrives afterwards. */
  mark(): number;
  /** The first item at or after index `from` that matches, already recorded or still to come. */
  waitFor(match?: (item: T) => boolean, from?: number): Promise<T>;
  /** The server is gone: fail every wait at once rather than at the test timeout. */
  fail(reason: string): void;
  /** Forget what was recorded (a long benchmark keeps only what it waits for next); marks start again at 0. */
  clear(): void;
}

export function createRecorder<T>(what: string): Recorder<T> {
  const items: T[] = [];
  const waiters: Array<{ match: (item: T) => boolean; resolve: (item: T) => void; reject: (err: Error) => void }> = [];
  let failure: Error | undefined;
  return {
    items,
    push(item) {
      items.push(item);
      for (const waiter of waiters.filter((w) => w.match(item))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(item);
      }
    },
    mark: () => items.length,
    waitFor(match = () => true, from = 0) {
      const seen = items.slice(from).find(match);
      if (seen !== undefined) return Promise.resolve(seen);
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => waiters.push({ match, resolve, reject }));
    },
    clear() {
      items.length = 0;
    },
    fail(reason) {
      failure = new Error(`${reason} while waiting for ${what}`);
      for (const waiter of waiters.splice(0)) waiter.reject(failure);
    },
  };
}

export interface StartOptions {
  /** Workspace folder (its gongwen.json is read by the server). */
  workspace: string;
  /** The `gongwen` section answered to `workspace/configuration`; change `client.settings` before `didChangeConfiguration`. */
  settings?: unknown;
  /** Advertise `workspace/configuration` (default true); false plays a client such as Neovim. */
  canPull?: boolean;
  /**
   * Advertise `documentChanges` with change annotations in workspace edits (default true, as VS
   * Code does); false plays a client that takes only plain `changes`.
   */
  changeAnnotations?: boolean;
  initializationOptions?: unknown;
  /** Extra environment for the server process (e.g. GONGWEN_VALIDATION_DELAY_MS). */
  env?: Record<string, string>;
  /** `workspace/configuration` is answered only once this settles: plays an editor slow to answer just after start-up. */
  configurationGate?: Promise<void>;
}

export interface TestClient {
  readonly connection: ProtocolConnection;
  readonly diagnostics: Recorder<PublishDiagnosticsParams>;
  readonly messages: Recorder<ShowMessageParams>;
  /** `window/logMessage`: what the server writes to its output channel. */
  readonly logs: Recorder<LogMessageParams>;
  /** Sections asked for by `workspace/configuration`, one entry per request. */
  readonly configurationRequests: Array<Array<string | undefined>>;
  /** `workspace/codeLens/refresh` requests: the server asks for code lenses again. */
  readonly lensRefreshes: Recorder<number>;
  /** What the next `workspace/configuration` request is answered with. */
  settings: unknown;
  /** Resolves with the exit code when the server process ends. */
  readonly exited: Promise<number | null>;
  /** `initialize` + `initialized`, as an editor opening the workspace folder. */
  initialize(): Promise<InitializeResult>;
  open(uri: string, text: string, version?: number): Promise<void>;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void>;
  /** The diagnostics published for exactly this version of the document. */
  published(uri: string, version: number, from?: number): Promise<PublishDiagnosticsParams>;
  /** `shutdown` then `exit`, as an editor closing; resolves with the process exit code. */
  stop(): Promise<number | null>;
  /** For `afterEach`: no server outlives its test, whatever happened in it. */
  kill(): void;
}

export function startServer(options: StartOptions): TestClient {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first`);
  const child: ChildProcess = spawn(process.execPath, [...(process.env.GONGWEN_SERVER_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.GONGWEN_SERVER_PROF] : []), SERVER, '--stdio'], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const diagnostics = createRecorder<PublishDiagnosticsParams>('textDocument/publishDiagnostics');
  const messages = createRecorder<ShowMessageParams>('window/showMessage');
  const logs = createRecorder<LogMessageParams>('window/logMessage');
  const lensRefreshes = createRecorder<number>('workspace/codeLens/refresh');
  const configurationRequests: Array<Array<string | undefined>> = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exited.then((code) => {
    const reason = `server exited (code ${code})${stderr ? `, stderr:\n${stderr}` : ''}`;
    diagnostics.fail(reason);
    messages.fail(reason);
    logs.fail(reason);
    lensRefreshes.fail(reason);
  });

  const client: TestClient = {
    connection,
    diagnostics,
    messages,
    logs,
    configurationRequests,
    lensRefreshes,
    settings: options.settings ?? {},
    exited,
    async initialize() {
      const folder = pathToFileURL(options.workspace).href;
      const capabilities: ClientCapabilities = {
        workspace: {
          configuration: options.canPull ?? true,
          workspaceFolders: true,
          didChangeConfiguration: {},
          ...(options.changeAnnotations === false ? {} : { workspaceEdit: { documentChanges: true, changeAnnotationSupport: { groupsOnLabel: true } } }),
          codeLens: { refreshSupport: true },
        },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          foldingRange: { lineFoldingOnly: true },
        },
      };
      const result = await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: folder,
        workspaceFolders: [{ uri: folder, name: path.basename(options.workspace) }],
        capabilities,
        initializationOptions: options.initializationOptions,
      });
      await connection.sendNotification(InitializedNotification.type, {});
      return result;
    },
    async open(uri, text, version = 1) {
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'gongwen', version, text },
      });
    },
    async change(uri, version, changes) {
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: changes,
      });
    },
    published(uri, version, from = 0) {
      return diagnostics.waitFor((p) => p.uri === uri && p.version === version, from);
    },
    async stop() {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      const code = await exited;
      connection.dispose();
      return code;
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      connection.dispose();
    },
  };

  connection.onNotification(PublishDiagnosticsNotification.type, (p) => diagnostics.push(p));
  connection.onNotification(ShowMessageNotification.type, (p) => messages.push(p));
  connection.onNotification(LogMessageNotification.type, (p) => logs.push(p));
  connection.onRequest(ConfigurationRequest.type, async (params) => {
    configurationRequests.push(params.items.map((item) => item.section));
    await options.configurationGate;
    return params.items.map((item) => (item.section === 'gongwen' ? client.settings : null));
  });
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.onRequest(CodeLensRefreshRequest.type, () => lensRefreshes.push(lensRefreshes.mark() + 1));
  connection.listen();
  return client;
}

/** What `perTest()` returns: everything started or made through it ends with the test. */
export interface PerTest {
  /** `startServer(options)`, the server killed after this test (every one, if the test starts several). */
  start(options: StartOptions): TestClient;
  /** `makeWorkspace(gongwenJson)`, the folder removed after this test. */
  folder(gongwenJson?: unknown): string;
}

/**
 * One teardown for the whole LSP tier: called once in a `describe` body, it registers an `afterEach`
 * that kills every server started through it in the test and removes every folder made through it,
 * whatever the test did (failed, timed out, stopped or replaced its server), so no server outlives
 * its test and no folder is left in the temporary directory. Only for what a test or a `beforeEach`
 * makes: a server or folder kept for a whole `describe` is made in its `before` and ended in its `after`.
 */
export function perTest(): PerTest {
  const clients: TestClient[] = [];
  const folders: string[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.kill();
    for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    start(options) {
      const client = startServer(options);
      clients.push(client);
      return client;
    },
    folder(gongwenJson) {
      const dir = makeWorkspace(gongwenJson);
      folders.push(dir);
      return dir;
    },
  };
}
