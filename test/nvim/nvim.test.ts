/**
 * A second real LSP client: Neovim's built-in client (`nvim --headless`, test/nvim/check.lua) starts
 * the built server over stdio, opens seeds 002 and 003, and records diagnostics, document symbols,
 * a completion response and the quick fixes on one line into a JSON file asserted on here.
 * The only wait is on the Neovim process exiting; inside Lua every wait is `vim.wait` on a condition.
 * Needs `npm run build` and `nvim` (Debian: apt-get install neovim; scripts/setup-e2e.sh --nvim-only).
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..');
const SERVER = path.join(REPO, 'dist', 'server.js');
const SCRIPT = path.join(REPO, 'test', 'nvim', 'check.lua');

function seed(prefix: string): string {
  const name = fs.readdirSync(path.join(REPO, 'seeds')).find((f) => f.startsWith(prefix));
  assert.ok(name, `seed ${prefix} not found`);
  return path.join(REPO, 'seeds', name);
}

interface NvimDiagnostic { code: string; line: number; col: number; severity: number; source: string; message: string }
interface NvimSymbol { name: string; depth: number; line: number }
interface NvimFile {
  file: string;
  diagnosticsArrived: boolean;
  diagnostics: NvimDiagnostic[];
  symbols: NvimSymbol[];
  completion: { responded: boolean; error: string | null; items: number };
  codeActions?: string[];
}
interface NvimResult {
  errors: string[];
  initialized: boolean;
  stopped: boolean;
  capabilities: { documentSymbol: boolean; completion: boolean; codeAction: boolean };
  files: NvimFile[];
}

function runNeovim(files: string[], codeActionLine: number, dir: string): Promise<{ code: number | null; stderr: string; result: NvimResult }> {
  const out = path.join(dir, 'result.json');
  // Own XDG folders: nothing read from or written to the user's Neovim config; lsp.log lands here.
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(dir, 'config'),
    XDG_DATA_HOME: path.join(dir, 'data'),
    XDG_CACHE_HOME: path.join(dir, 'cache'),
    XDG_STATE_HOME: path.join(dir, 'state'),
    GONGWEN_SERVER: SERVER,
    GONGWEN_FILES: files.join(';'),
    GONGWEN_OUT: out,
    GONGWEN_CODE_ACTION_LINE: String(codeActionLine),
  };
  return new Promise((resolve, reject) => {
    const child = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${SCRIPT}`], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!fs.existsSync(out)) {
        const log = path.join(dir, 'cache', 'nvim', 'lsp.log');
        const lspLog = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '(no lsp.log)';
        reject(new Error(`nvim exited ${code} without a result\n${stderr}\n${lspLog}`));
        return;
      }
      resolve({ code, stderr, result: JSON.parse(fs.readFileSync(out, 'utf8')) as NvimResult });
    });
  });
}

describe('Neovim built-in LSP client (nvim --headless)', function () {
  this.timeout(60000);

  const seed002 = seed('002');
  const seed003 = seed('003');
  // Seed 002 line 94 (0-based 93) is `(十)提升领导干部…`: ASCII parentheses on a second-level heading.
  const HEADING_10 = 93;
  let dir: string;
  let run: { code: number | null; stderr: string; result: NvimResult };
  let file002: NvimFile;
  let file003: NvimFile;

  before(async function () {
    assert.ok(fs.existsSync(SERVER), 'dist/server.js missing: run `npm run build` first');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-nvim-'));
    run = await runNeovim([seed002, seed003], HEADING_10, dir);
    [file002, file003] = run.result.files as [NvimFile, NvimFile];
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('initializes, raises no error in the Lua script, and shuts the server down', () => {
    assert.deepEqual(run.result.errors, [], run.stderr);
    assert.equal(run.code, 0);
    assert.equal(run.result.initialized, true);
    assert.deepEqual(run.result.capabilities, { documentSymbol: true, completion: true, codeAction: true });
    assert.equal(run.result.files.length, 2);
    assert.equal(run.result.stopped, true);
  });

  it('shows the heading-style diagnostics of seed 002 on the (十)/(十一)/(十二) headings', () => {
    assert.equal(file002.diagnosticsArrived, true);
    // Other rules may add findings as they land; these three are real defects of the seed
    // (ASCII "(十)" where GB/T 9704-2012 7.3.3 writes second-level numbers as "（十）").
    const headingStyle = file002.diagnostics.filter((d) => d.code === 'heading-style');
    assert.deepEqual(
      headingStyle.map((d) => [d.line, d.col]),
      [[93, 0], [95, 0], [99, 0]],
    );
    for (const d of headingStyle) {
      assert.equal(d.source, 'gongwen');
      assert.equal(d.severity, 2); // warning
    }
    assert.match(headingStyle[0]!.message, /（十）/);
  });

  it('shows heading-style diagnostics on seed 003 (full-width "1．" and ASCII "(六)")', () => {
    assert.equal(file003.diagnosticsArrived, true);
    const lines = file003.diagnostics.filter((d) => d.code === 'heading-style').map((d) => d.line);
    // 0-based: line 67 `　　1．大众创业…` and line 511 `　　(六)…` of the seed.
    assert.ok(lines.includes(66), `heading-style lines: ${lines.join(',')}`);
    assert.ok(lines.includes(510), `heading-style lines: ${lines.join(',')}`);
  });

  it('lists the parts as document symbols, each with its heading tree nested by level', () => {
    const top = (f: NvimFile) => f.symbols.filter((s) => s.depth === 0).map((s) => s.name);
    assert.deepEqual(top(file002), ['通知（印发）', '关于新时代进一步加强科学技术普及工作的 实施意见']);
    // Seed 003 has no title (公文), and its 抄送 line stands after the plan, outside every part.
    assert.deepEqual(top(file003), ['公文', '淄博市全民科学素质行动计划纲要实施方案（2016-2020 年）', '抄送']);
    const third = file002.symbols.find((s) => s.name === '三、促进科普与科技创新协同发展');
    assert.deepEqual(third, { name: '三、促进科普与科技创新协同发展', depth: 1, line: 79 });
    assert.ok(file002.symbols.some((s) => s.name === '（七）推动科技创新资源科普化' && s.depth === 2));
    assert.ok(file002.symbols.some((s) => s.name === '发文字号' && s.depth === 1));
    assert.ok(file003.symbols.some((s) => s.name === '1．大众创业、万众创新深入人心' && s.depth === 3));
  });

  it('answers a completion request without error', () => {
    for (const f of [file002, file003]) {
      assert.equal(f.completion.responded, true);
      assert.equal(f.completion.error, null);
    }
  });

  it('offers the quick fix 改为“（十）” on the (十) heading', () => {
    assert.ok(file002.codeActions, 'no code action response');
    assert.equal(file002.codeActions[0], '改为“（十）”');
  });
});
