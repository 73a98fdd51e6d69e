/**
 * The built `gongwen` CLI, run as a user runs it: `node dist/cli.js …` from the repository root.
 * Run `npm run build` first.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import pkg from '../../package.json';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SEED_000 = 'seeds/000_726644ba87d8cedf.txt';
const REAL_013 = 'test/real/docs/013_lanzhou-jianshe-xiangmu-wuge-banfa.txt';
const SEED_NAMES = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
const SEVERITIES = ['error', 'warning', 'information', 'hint'];
const ZH_SEVERITY: Record<string, string> = { error: '错误', warning: '警告', information: '信息', hint: '提示' };
const ELEMENT_NAMES = ['发文机关标志', '发文字号', '标题', '主送机关', '正文', '发文机关署名', '成文日期', '附注', '方案标题', '方案导语', '抄送', '印发'];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function gongwen(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(run: Run): any {
  try {
    return JSON.parse(run.stdout);
  } catch (err) {
    assert.fail(`stdout is not JSON (${(err as Error).message}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}

const keys = (o: object) => Object.keys(o).sort();

function assertPosition(p: any, where: string): void {
  assert.deepEqual(keys(p), ['character', 'line'], where);
  assert.ok(Number.isInteger(p.line) && p.line >= 0, where);
  assert.ok(Number.isInteger(p.character) && p.character >= 0, where);
}

function assertRange(r: any, where: string): void {
  assert.deepEqual(keys(r), ['end', 'start'], where);
  assertPosition(r.start, `${where}.start`);
  assertPosition(r.end, `${where}.end`);
}

/** Every entry has exactly `file` and `diagnostics`, every diagnostic exactly the four stated keys. */
function assertLintShape(report: any): void {
  assert.ok(Array.isArray(report), 'top level is an array');
  for (const entry of report) {
    assert.deepEqual(keys(entry), ['diagnostics', 'file']);
    assert.equal(typeof entry.file, 'string');
    assert.ok(Array.isArray(entry.diagnostics));
    entry.diagnostics.forEach((d: any, i: number) => {
      const where = `${entry.file} diagnostic ${i}`;
      assert.deepEqual(keys(d), ['message', 'range', 'rule', 'severity'], where);
      assert.equal(typeof d.rule, 'string', where);
      assert.ok(d.rule.length > 0, where);
      assert.ok(SEVERITIES.includes(d.severity), where);
      assert.equal(typeof d.message, 'string', where);
      assertRange(d.range, where);
    });
  }
}

function assertHeadingShape(h: any, where: string): void {
  assert.deepEqual(keys(h), ['children', 'level', 'marker', 'number', 'range', 'title'], where);
  assert.ok(Number.isInteger(h.level) && h.level >= 1, where);
  assert.equal(typeof h.marker, 'string', where);
  assert.ok(Number.isInteger(h.number), where);
  assert.equal(typeof h.title, 'string', where);
  assertRange(h.range, where);
  assert.ok(Array.isArray(h.children), where);
  h.children.forEach((c: any, i: number) => assertHeadingShape(c, `${where}.${i}`));
}

let seedsRun: Run | undefined;
/** `lint --format json seeds/`, run once: several tests compare against it. */
const seedsReport = () => (seedsRun ??= gongwen(['lint', '--format', 'json', 'seeds/']));

const hasError = (report: any[]) => report.some((e) => e.diagnostics.some((d: any) => d.severity === 'error'));

let tmp: string;
/** A fresh folder per test, removed after the suite. */
function tempDir(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(tmp, 'case-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('gongwen CLI (built dist/cli.js)', () => {
  before(() => {
    if (!fs.existsSync(CLI)) assert.fail(`${path.relative(ROOT, CLI)} is missing: run \`npm run build\` before the CLI tests.`);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-cli-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe('usage', () => {
    it('--help prints the usage on stdout and exits 0', () => {
      const r = gongwen(['--help']);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /用法：/);
      assert.match(r.stdout, /gongwen lint /);
      assert.match(r.stdout, /gongwen outline /);
      assert.equal(r.stderr, '');
    });

    it('--version prints the package version', () => {
      const r = gongwen(['--version']);
      assert.equal(r.status, 0);
      assert.equal(r.stdout.trim(), pkg.version);
    });

    it('an unknown verb, an unknown option, a bad --format value or no verb at all: usage on stderr, exit 2', () => {
      for (const args of [['frobnicate', 'seeds'], ['lint', '--no-such-option', 'seeds'], ['lint', '--format', 'xml', 'seeds'], ['lint', '--format'], []]) {
        const r = gongwen(args);
        assert.equal(r.status, 2, args.join(' '));
        assert.match(r.stderr, /用法：/, args.join(' '));
        assert.equal(r.stdout, '', args.join(' '));
      }
      assert.match(gongwen(['frobnicate']).stderr, /frobnicate/);
      assert.match(gongwen(['lint', '--no-such-option']).stderr, /--no-such-option/);
    });

    it('align and coverage without --upper say they need the higher-level plan (上级方案), exit 2', () => {
      for (const verb of ['align', 'coverage']) {
        const r = gongwen([verb, SEED_000]);
        assert.equal(r.status, 2, verb);
        assert.match(r.stderr, new RegExp(`${verb}.*上级方案`), verb);
      }
    });
  });

  describe('lint --format json', () => {
    it('seeds/ gives exactly the stated shape, one entry per seed in sorted order, exit 1 iff an error', () => {
      const r = seedsReport();
      const report = json(r);
      assertLintShape(report);
      assert.deepEqual(report.map((e: any) => e.file), SEED_NAMES.map((n) => `seeds/${n}`));
      assert.equal(r.status, hasError(report) ? 1 : 0, r.stderr);
    });

    it('walks folders for *.txt, *.gw, *.gongwen, skipping node_modules and dot-folders, sorted', () => {
      const dir = tempDir({ 'b.txt': '一、甲\n', 'a/z.gw': '一、甲\n', 'c.gongwen': '一、甲\n', 'notes.md': '一、甲\n', 'node_modules/x/d.txt': '一、甲\n', '.git/e.txt': '一、甲\n', 'a/.hidden/f.txt': '一、甲\n' });
      const rel = path.relative(ROOT, dir);
      const report = json(gongwen(['lint', '--format', 'json', rel]));
      assert.deepEqual(report.map((e: any) => e.file), [path.join(rel, 'a', 'z.gw'), path.join(rel, 'b.txt'), path.join(rel, 'c.gongwen')]);
    });
  });

  describe('exit codes', () => {
    it('0 for a clean document', () => {
      const dir = tempDir({ 'clean.txt': '一、总体要求\n二、主要任务\n' });
      const r = gongwen(['lint', '--format', 'json', path.join(dir, 'clean.txt')]);
      const report = json(r);
      assert.equal(hasError(report), false, JSON.stringify(report));
      assert.equal(r.status, 0, r.stderr);
    });

    // Pending parser: needs the heading-sequence rule that lands with it.
    it('1 for a heading-sequence defect (一、 then 三、), reported on line 2 in JSON and text', () => {
      const dir = tempDir({ 'gap.txt': '一、甲\n三、乙\n' });
      const file = path.join(dir, 'gap.txt');
      const r = gongwen(['lint', '--format', 'json', file]);
      assert.equal(r.status, 1, r.stdout);
      const errors = json(r)[0].diagnostics.filter((d: any) => d.severity === 'error');
      assert.ok(errors.some((d: any) => d.range.start.line === 1), JSON.stringify(errors));
      const text = gongwen(['lint', file]);
      assert.equal(text.status, 1);
      assert.match(text.stdout, new RegExp(`^${escapeRegExp(file)}:2:\\d+ 错误 .+ \\[[\\w-]+\\]$`, 'm'));
    });

    it('2 for a missing path, and the files that exist are still linted', () => {
      const r = gongwen(['lint', '--format', 'json', 'no/such/file.txt', SEED_000]);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /no\/such\/file\.txt/);
      assert.deepEqual(json(r).map((e: any) => e.file), [SEED_000]);
    });

    it('2 for a binary file (NUL bytes) or an unrecognised encoding, naming the file; the other file is still reported', () => {
      // GBK is read since issue #8 (test/unit/encodings.test.ts); Latin-1 bytes are neither UTF-8 nor Chinese.
      const dir = tempDir({ 'bad.txt': Buffer.from([0x7b, 0x00, 0x01, 0x02, 0xff]), 'latin1.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]), 'good.txt': '一、总体要求\n' });
      const r = gongwen(['lint', '--format', 'json', dir]);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /bad\.txt.*UTF-8/);
      assert.match(r.stderr, /latin1\.txt.*UTF-8/);
      assert.deepEqual(json(r).map((e: any) => path.basename(e.file)), ['good.txt']);
      const text = gongwen(['lint', dir]);
      assert.equal(text.status, 2);
      // Issue #14: an exit-2 run says the check is incomplete before it counts the readable file.
      assert.match(text.stdout, /^检查未完成：2 处无法检查（见错误信息）；1 个文件/m, 'the summary counts the readable file');
    });

    it('2 for a folder with no documents in it', () => {
      const dir = tempDir({ 'readme.md': '一、甲\n', 'node_modules/x.txt': '一、甲\n', '.cache/y.txt': '一、甲\n' });
      const r = gongwen(['lint', '--format', 'json', dir]);
      assert.equal(r.status, 2);
      assert.ok(r.stderr.includes(dir), r.stderr);
      assert.deepEqual(json(r), []);
    });
  });

  describe('lint text format', () => {
    it('one `path:line:col severity message [rule]` line per JSON diagnostic, then the summary', () => {
      const report = json(seedsReport());
      const r = gongwen(['lint', 'seeds/']);
      assert.equal(r.status, hasError(report) ? 1 : 0);
      const lines = r.stdout.split('\n').filter((l) => l !== '');
      const summary = lines.pop()!;
      // Before the last line: findings by rule, how many --fix removes, the next command (issue #20).
      if (lines.length > 0) lines.splice(-3, 3);
      const expected = report.flatMap((e: any) =>
        e.diagnostics.map((d: any) => `${e.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${ZH_SEVERITY[d.severity]} ${d.message.replace(/\s*\n\s*/g, ' ')} [${d.rule}]`),
      );
      assert.deepEqual(lines, expected);
      for (const line of lines) assert.match(line, /^seeds\/[^:]+:\d+:\d+ (错误|警告|信息|提示) .+ \[[\w-]+\]$/);
      const total = expected.length;
      assert.match(summary, total === 0 ? /^5 个文件，没有发现问题$/ : new RegExp(`^5 个文件，${total} 个问题（.+）$`));
      assert.doesNotMatch(r.stdout, /\x1b\[/, 'no colour when stdout is not a terminal');
    });
  });

  describe('lint text format: what to do next (issue #20 defect 8)', () => {
    it('counts findings by rule, says how many --fix removes and gives the command, which then leaves exactly the rest', () => {
      const dir = tempDir(Object.fromEntries(SEED_NAMES.map((n) => [n, fs.readFileSync(path.join(ROOT, 'seeds', n))])));
      const r = gongwen(['lint', dir]);
      const report = json(gongwen(['lint', '--format', 'json', dir]));
      const total = report.reduce((n: number, e: any) => n + e.diagnostics.length, 0);
      const lines = r.stdout.trimEnd().split('\n');
      assert.match(lines.at(-1)!, new RegExp(`^5 个文件，${total} 个问题（.+）$`), 'the last line keeps its form');
      const byRule = lines.at(-5)!;
      const perRule = new Map<string, number>();
      for (const e of report) for (const d of e.diagnostics) perRule.set(d.rule, (perRule.get(d.rule) ?? 0) + 1);
      assert.ok(byRule.startsWith('按规则：'), byRule);
      assert.deepEqual(new Map(byRule.slice(4).split('，').map((x) => x.split(' ')).map(([k, v]) => [k, Number(v)])), perRule);
      const listed = byRule.slice(4).split('，').map((x) => x.split(' ')).map(([k, v]) => [k, Number(v)] as const);
      const ordered = [...listed].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      assert.deepEqual(listed, ordered, 'most findings first, then by rule id in alphabetical order');
      const fixable = lines.at(-4)!.match(/^其中 (\d+) 个可由 --fix 自动修复（只做确定的修复），其余 (\d+) 个需逐条处理。$/);
      assert.ok(fixable, lines.at(-4));
      assert.ok(Number(fixable[1]) > 50, 'most findings of the seeds are certain fixes');
      assert.equal(Number(fixable[1]) + Number(fixable[2]), total);
      const next = lines.at(-3)!.match(/^下一步：node (\S+) lint --fix (\S+)（先用 --fix-dry-run 查看改动）$/);
      assert.ok(next, lines.at(-3));
      assert.equal(path.resolve(ROOT, next[1]), CLI);
      assert.equal(next[2], dir);
      gongwen(['lint', '--fix', next[2]]);
      const after = json(gongwen(['lint', '--format', 'json', dir]));
      assert.equal(after.reduce((n: number, e: any) => n + e.diagnostics.length, 0), Number(fixable[2]), 'the rest remain after the suggested command');
    });
  });

  describe('BOM', () => {
    it('a BOM-prefixed copy of each seed gives the same diagnostics (rule, severity, message, range) and outline', () => {
      const dir = tempDir(Object.fromEntries(SEED_NAMES.map((n) => [n, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fs.readFileSync(path.join(ROOT, 'seeds', n))])])));
      const original = json(seedsReport());
      const withBom = json(gongwen(['lint', '--format', 'json', dir]));
      assert.equal(withBom.length, SEED_NAMES.length);
      assert.deepEqual(withBom.map((e: any) => e.diagnostics), original.map((e: any) => e.diagnostics));
      const outline = (file: string) => ({ ...json(gongwen(['outline', '--format', 'json', file])), file: undefined });
      assert.deepEqual(outline(path.join(dir, path.basename(SEED_000))), outline(SEED_000));
    });

    it('positions on the first line do not count the BOM', () => {
      const dir = tempDir({ 'bom.txt': '\uFEFF一、总体要求\n二、主要任务\n' });
      const outline = json(gongwen(['outline', '--format', 'json', path.join(dir, 'bom.txt')]));
      assert.equal(outline.headings[0]?.marker, '一、', JSON.stringify(outline));
      assert.deepEqual(outline.headings[0].range.start, { line: 0, character: 0 });
    });
  });

  describe('outline', () => {
    it('--format json has exactly the stated shape', () => {
      // Seed 000 has no title (genre null) and an untitled plan; real 013 has a genre and six titled parts.
      for (const file of [SEED_000, REAL_013]) {
        const r = gongwen(['outline', '--format', 'json', file]);
        assert.equal(r.status, 0, r.stderr);
        const outline = json(r);
        assert.deepEqual(keys(outline), ['file', 'genre', 'headings', 'notice', 'parts']);
        assert.equal(outline.file, file);
        if (outline.genre !== null) {
          assert.deepEqual(keys(outline.genre).filter((k) => k !== 'action'), ['genre', 'label'], file);
          for (const k of keys(outline.genre)) assert.equal(typeof outline.genre[k], 'string', `${file} genre.${k}`);
        }
        const names = Object.keys(outline.notice);
        assert.deepEqual(names, ELEMENT_NAMES.filter((n) => names.includes(n)), 'known element names, in GB/T 9704 order');
        for (const name of names) {
          assert.deepEqual(keys(outline.notice[name]), ['range', 'text'], name);
          assert.equal(typeof outline.notice[name].text, 'string', name);
          assertRange(outline.notice[name].range, name);
        }
        assert.ok(Array.isArray(outline.parts) && outline.parts.length > 0, file);
        outline.parts.forEach((p: any, i: number) => {
          const where = `${file} parts.${i}`;
          assert.deepEqual(keys(p).filter((k) => !['title', 'label', 'scheme'].includes(k)), ['headings', 'kind', 'range'], where);
          assert.ok(['cover', 'issued', 'forwarded', 'attachment'].includes(p.kind), where);
          for (const k of ['title', 'label'].filter((k) => k in p)) {
            assert.deepEqual(keys(p[k]), ['range', 'text'], `${where}.${k}`);
            assertRange(p[k].range, `${where}.${k}`);
          }
          if ('scheme' in p) assert.ok(['plan', 'articles', 'decimal'].includes(p.scheme), where);
          assertRange(p.range, where);
          p.headings.forEach((h: any, j: number) => assertHeadingShape(h, `${where}.headings.${j}`));
        });
        assert.ok(Array.isArray(outline.headings));
        outline.headings.forEach((h: any, i: number) => assertHeadingShape(h, `headings.${i}`));
        // `headings` stays the concatenation of the parts' trees, for scripts that read it.
        assert.deepEqual(outline.headings, outline.parts.flatMap((p: any) => p.headings), file);
      }
    });

    it('real 013: genre 通知 (印发), the cover then five issued 办法 in 章/条, each with its title', () => {
      const outline = json(gongwen(['outline', '--format', 'json', REAL_013]));
      assert.deepEqual(outline.genre, { genre: '通知', label: '通知', action: '印发' });
      assert.deepEqual(outline.parts.map((p: any) => [p.kind, p.scheme]), [['cover', undefined], ...Array(5).fill(['issued', 'articles'])]);
      assert.equal(outline.parts[1].title.text, '兰州市建设项目生成管理办法（试行）');
      assert.equal(outline.parts[1].range.start.line, 10);
      assert.deepEqual(outline.parts[1].headings.map((h: any) => h.marker), ['第一章', '第二章', '第三章', '第四章']);
    });

    // Pending parser.
    it('seed 000: 5 top-level headings, 三、提升行动 with 5 children, 发文字号 乳政发〔2022〕6号', () => {
      const outline = json(gongwen(['outline', '--format', 'json', SEED_000]));
      assert.deepEqual(outline.headings.map((h: any) => h.marker), ['一、', '二、', '三、', '四、', '五、']);
      assert.deepEqual(outline.headings.map((h: any) => h.level), [1, 1, 1, 1, 1]);
      const three = outline.headings[2];
      assert.equal(three.title, '提升行动');
      assert.equal(three.number, 3);
      assert.equal(three.children.length, 5);
      assert.equal(outline.notice['发文字号']?.text, '乳政发〔2022〕6号');
      assert.equal(outline.notice['发文字号'].range.start.line, 1);
    });

    it('text: the genre first, then notice elements, then each part under its header with its headings indented by level', () => {
      const r = gongwen(['outline', SEED_000]);
      assert.equal(r.status, 0, r.stderr);
      const lines = r.stdout.split('\n');
      assert.equal(lines[0], '文种  （未识别）', 'seed 000 has no title');
      const number = lines.indexOf('发文字号  乳政发〔2022〕6号  （第 2 行）');
      const part = lines.indexOf('【印发的文件 · 一、（一）1.（1）编号】  （第 17 行）');
      const three = lines.findIndex((l) => l.startsWith('  三、提升行动  （第 '));
      const child = lines.findIndex((l) => l.startsWith('    （一）青少年科学素质提升行动  （第 '));
      assert.ok(number > 0 && part > number && three > part && child > three, r.stdout);
    });

    it('text on real 013: 文种 通知（印发）, then a header for each of the five 办法 before its 章', () => {
      const r = gongwen(['outline', REAL_013]);
      assert.equal(r.status, 0, r.stderr);
      const lines = r.stdout.split('\n');
      assert.equal(lines[0], '文种  通知（印发）');
      const headers = lines.filter((l) => l.startsWith('【'));
      assert.equal(headers.length, 5, r.stdout);
      assert.equal(headers[0], '【印发的办法 · 第X章/第X条】兰州市建设项目生成管理办法（试行）  （第 11 行）');
      assert.equal(lines[lines.indexOf(headers[0]!) + 1], '  第一章总则  （第 13 行）');
      assert.equal(lines[lines.indexOf(headers[0]!) + 2]!.slice(0, 7), '    第一条');
    });

    it('a missing file, a folder or two files: exit 2', () => {
      assert.equal(gongwen(['outline', 'no/such.txt']).status, 2);
      assert.equal(gongwen(['outline', 'seeds']).status, 2);
      assert.equal(gongwen(['outline', SEED_000, SEED_000]).status, 2);
    });
  });

  describe('configuration', () => {
    it('--config with malformed JSON warns, naming the file, and still lints', () => {
      const dir = tempDir({ 'broken-config.json': '{ "rules": ' });
      const r = gongwen(['lint', '--format', 'json', '--config', path.join(dir, 'broken-config.json'), SEED_000]);
      assert.notEqual(r.status, 2, r.stderr);
      assert.match(r.stderr, /broken-config\.json/);
      assert.deepEqual(json(r).map((e: any) => e.file), [SEED_000]);
    });

    it('gongwen.json in the current directory is read (a malformed one gives a warning); a missing --config file warns', () => {
      const dir = tempDir({ 'gongwen.json': '[1, 2', 'doc.txt': '一、总体要求\n' });
      const r = gongwen(['lint', '--format', 'json', 'doc.txt'], dir);
      assert.notEqual(r.status, 2, r.stderr);
      assert.match(r.stderr, /gongwen\.json/);
      assert.deepEqual(json(r).map((e: any) => e.file), ['doc.txt']);
      const missing = gongwen(['lint', '--format', 'json', '--config', 'absent.json', 'doc.txt'], dir);
      assert.match(missing.stderr, /absent\.json/);
      assert.equal(json(missing).length, 1);
    });

    // Pending parser: needs a rule that reports something.
    it('a rule set to "off" in gongwen.json disappears from the report', () => {
      const dir = tempDir({ 'gap.txt': '一、甲\n三、乙\n' });
      const before = json(gongwen(['lint', '--format', 'json', 'gap.txt'], dir))[0].diagnostics;
      assert.ok(before.length > 0, 'the defect document has findings');
      const rule = before[0].rule;
      fs.writeFileSync(path.join(dir, 'gongwen.json'), JSON.stringify({ rules: { [rule]: 'off' } }));
      const after = json(gongwen(['lint', '--format', 'json', 'gap.txt'], dir))[0].diagnostics;
      assert.equal(after.filter((d: any) => d.rule === rule).length, 0);
    });

    it('gongwen.json "words": an allowed word is no longer reported, an office pair is reported with its fix (issue #17)', () => {
      const dir = tempDir({ 'doc.txt': '其它事项另行通知。请乳山县科协牵头。\n' });
      const words = (cfg?: object) => {
        if (cfg) fs.writeFileSync(path.join(dir, 'gongwen.json'), JSON.stringify({ words: cfg }));
        return json(gongwen(['lint', '--format', 'json', 'doc.txt'], dir))[0].diagnostics.filter((d: any) => d.rule === 'confused-word').map((d: any) => d.message.slice(0, 12));
      };
      assert.deepEqual(words(), ['“其它”应为“其他”：公文和法律'.slice(0, 12)]);
      assert.deepEqual(words({ allow: ['其它'] }), []);
      assert.deepEqual(words({ allow: ['其它'], confused: [{ wrong: '乳山县', right: '乳山市' }] }), ['“乳山县”应为“乳山市”：本单'.slice(0, 12)]);
      const fixed = gongwen(['lint', '--fix', 'doc.txt'], dir);
      assert.notEqual(fixed.status, 2, fixed.stderr);
      assert.equal(fs.readFileSync(path.join(dir, 'doc.txt'), 'utf8'), '其它事项另行通知。请乳山市科协牵头。\n');
    });
  });

  describe('l10n', () => {
    it('--lang en speaks English', () => {
      const r = gongwen(['--help', '--lang', 'en']);
      assert.equal(r.status, 0);
      assert.match(r.stdout, /^Usage:/);
      assert.match(gongwen(['lint', '--lang', 'en', SEED_000]).stdout, /^1 file\(s\), /m);
    });
  });

  describe('--jobs (issue #18: many files over worker threads)', () => {
    it('prints byte for byte what one thread prints, text and JSON, read errors in the same places', function () {
      this.timeout(120_000); // six whole runs over 27 files, on a shared machine
      // Unreadable files between readable ones: their messages must come out in the same order too.
      const broken = path.join(tmp, 'jobs-broken');
      fs.mkdirSync(broken, { recursive: true });
      fs.writeFileSync(path.join(broken, 'a-binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255]));
      fs.writeFileSync(path.join(broken, 'b-fake.docx'), 'not a zip');
      const paths = ['seeds', 'test/real/docs', broken];
      for (const format of ['text', 'json']) {
        const one = gongwen(['lint', '--jobs', '1', '--format', format, ...paths]);
        // Workers started whatever the files' sizes (else 27 files may be too little work to start them).
        const eager = { GONGWEN_WORKER_START_MS: '0' };
        const two = gongwen(['lint', '--jobs', '2', '--format', format, ...paths], ROOT, eager);
        const four = gongwen(['lint', '-j', '4', '--format', format, ...paths], ROOT, eager);
        assert.equal(one.status, 2, one.stderr);
        assert.ok(one.stdout.length > 10_000, format);
        for (const other of [two, four]) {
          assert.equal(other.status, one.status, format);
          assert.equal(other.stdout, one.stdout, format);
          assert.equal(other.stderr, one.stderr, format);
        }
      }
    });

    it('over many documents, starts its worker before the bundle loads, hands it the files, and prints what one thread prints', function () {
      this.timeout(120_000);
      // 150 seed copies (~4.3 MB): enough for a worker started early (cli/early-workers.ts).
      const many = path.join(tmp, 'jobs-early');
      fs.mkdirSync(many, { recursive: true });
      const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
      for (let i = 0; i < 150; i++) {
        fs.writeFileSync(path.join(many, `${String(i).padStart(3, '0')}.txt`), `${fs.readFileSync(path.join(ROOT, 'seeds', seeds[i % seeds.length]), 'utf8')}\n（第 ${i + 1} 份）\n`);
      }
      // Text: the JSON of 150 documents is more than spawnSync keeps of a child's output.
      const one = gongwen(['lint', '--jobs', '1', many]);
      // Node's own log of its workers says which were made: only the early one (a second is made if it is not taken).
      // Each thread's CPU profile says where files were linted: in both threads.
      const profiles = path.join(tmp, 'jobs-early-profiles');
      const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profiles, CLI, 'lint', '--jobs', '2', many], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', GONGWEN_WORKER_START_MS: '0', NODE_DEBUG: 'worker' },
      });
      const two = { status: r.status, stdout: r.stdout, stderr: r.stderr };
      const made = two.stderr.split('\n').filter((l) => /create new worker/.test(l));
      assert.equal(made.length, 1, two.stderr);
      assert.match(made[0], /gongwenLintEarly: true/);
      const linting = fs.readdirSync(profiles).filter((f) => JSON.parse(fs.readFileSync(path.join(profiles, f), 'utf8')).nodes.some((n: any) => n.callFrame.functionName === 'lintFile'));
      assert.equal(linting.length, 2, `threads that linted files: ${linting.join(', ')}`);
      assert.equal(two.status, one.status);
      assert.ok(one.stdout.length > 100_000 && one.stdout.length < 1 << 20, String(one.stdout.length));
      assert.equal(two.stdout, one.stdout);
      // A folder of five seeds starts none.
      const few = gongwen(['lint', '--jobs', '2', 'seeds'], ROOT, { NODE_DEBUG: 'worker' });
      assert.doesNotMatch(few.stderr, /create new worker/);
    });

    it('refuses a --jobs that is not a positive integer, and --jobs outside lint', () => {
      for (const args of [['lint', '--jobs', '0', 'seeds'], ['lint', '--jobs', 'two', 'seeds'], ['lint', '--jobs', '1.5', 'seeds'], ['outline', '--jobs', '2', SEED_000]]) {
        const r = gongwen(args);
        assert.equal(r.status, 2, args.join(' '));
        assert.match(r.stderr, /--jobs/, args.join(' '));
      }
    });
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
