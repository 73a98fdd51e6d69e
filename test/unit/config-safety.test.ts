/**
 * Issue #14, configuration and CLI: no gongwen.json can hang the linter or make it read outside the
 * workspace folder, warnings never quote a file's characters, walks are bounded, GB18030 is read
 * whole, and the CLI says clearly what went wrong. The CLI cases run the built `dist/cli.js`
 * (`npm run build` first) or `main()` in process.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { globMatches, MAX_PATTERN_LENGTH } from '../../server/src/knowledge/plans/paths';
import { closestRuleId, parseProjectConfig } from '../../server/src/config';
import { confineProjectPaths, MAX_UPPER_ENTRIES } from '../../server/src/io/paths';
import { loadKnowledge } from '../../server/src/io/knowledge';
import { listDocuments, resolveUpperFiles, withUpperFiles } from '../../server/src/io/plans';
import { bundledPlans } from '../../server/src/knowledge/plans';
import { collectFiles } from '../../server/src/cli/files';
import { main } from '../../server/src/cli/main';
import { RULES } from '../../server/src/rules/index';
import { ROOT, seedPath } from './helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = main(argv, { out: (s) => (out += s), err: (s) => (err += s), colour: false }, '0.0.0');
  return { code, out, err };
}

const temps: string[] = [];
function tempDir(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-safety-'));
  temps.push(dir);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}
after(() => temps.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** The matcher before issue #14, as a reference for the semantics (safe only on small patterns). */
function regexGlob(pattern: string, p: string): boolean {
  const src = pattern
    .replace(/\\/g, '/')
    .split(/(\*\*\/?|\*|\?)/)
    .map((part) => (part.startsWith('**') ? '.*' : part === '*' ? '[^/]*' : part === '?' ? '[^/]' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${src}$`, /^[A-Za-z]:/.test(pattern) ? 'i' : '').test(p.replace(/\\/g, '/'));
}

describe('glob matching that cannot hang (issue #14)', function () {
  this.timeout(10000);

  it('lint answers for `**a**a…**b` pattern keys that made the backtracking matcher run for ages (built CLI, in a child with a timeout)', function () {
    this.timeout(60000);
    const name = 'a'.repeat(60) + '.txt';
    const dir = tempDir({ [name]: fs.readFileSync(seedPath('000'), 'utf8').replace('比例达到 17%', '比例达到 16.5%'), '002.txt': fs.readFileSync(seedPath('002'), 'utf8') });
    fs.writeFileSync(path.join(dir, 'gongwen.json'), JSON.stringify({ upper: { ['**a'.repeat(25) + '**b']: ['002.txt'], ['*a'.repeat(100) + '*b']: ['002.txt'], [name]: ['002.txt'] } }));
    // A synchronous hang cannot be timed out in process: the built CLI runs in a child that is killed after 30 s.
    const r = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', name], { cwd: dir, encoding: 'utf8', timeout: 30000 });
    assert.equal(r.signal, null, 'the CLI finished');
    const found = JSON.parse(r.stdout).flatMap((f: any) => f.diagnostics).filter((d: any) => d.rule === 'target-below-upper');
    assert.match(found[0]?.message ?? '', /威海《关于新时代进一步加强科学技术普及工作的实施意见》/, r.stderr);
  });

  it('the matcher itself: long runs of stars against long paths', () => {
    const pattern = '/ws/' + '**a'.repeat(80) + '**b';
    assert.equal(globMatches(pattern, '/ws/' + 'a'.repeat(200) + 'c'), false);
    assert.equal(globMatches(pattern, '/ws/' + 'a/'.repeat(100) + 'b'), true);
    assert.equal(globMatches('*a'.repeat(100) + '*b', 'a'.repeat(300)), false);
  });

  it('matches as the regular expression did: `**` any path, `*` a name part, `?` one character, drive letters without case', () => {
    assert.ok(globMatches('/ws/upper/*.txt', '/ws/upper/a.txt'));
    assert.ok(!globMatches('/ws/upper/*.txt', '/ws/upper/x/a.txt'));
    assert.ok(globMatches('/ws/**/*.gw', '/ws/a/b/c.gw'));
    assert.ok(globMatches('/ws/**/*.gw', '/ws/c.gw'));
    assert.ok(!globMatches('/ws/a.txt', '/ws/abtxt'));
    assert.ok(globMatches('C:/WS/*.txt', 'c:\\ws\\乳山.txt'));
    assert.ok(!globMatches('/ws/?.txt', '/ws//.txt'));
    const alphabet = fc.constantFrom('a', 'b', '/', '.', '*', '?', '**', '**/');
    const paths = fc.array(fc.constantFrom('a', 'b', '/', '.'), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 8 }).map((a) => a.join('')), paths, (pattern, p) => globMatches(pattern, p) === regexGlob(pattern, p)),
      { numRuns: 5000, seed: 14 },
    );
  });

  it('a pattern whose wildcard part is longer than the bound matches nothing; a long folder before it is fine', () => {
    const long = '/ws/*' + 'a'.repeat(MAX_PATTERN_LENGTH);
    assert.equal(globMatches(long, '/ws/' + 'a'.repeat(MAX_PATTERN_LENGTH + 1)), false);
    const folder = '/' + 'd'.repeat(1000);
    assert.equal(globMatches(folder + '/*.txt', folder + '/a.txt'), true);
    assert.equal(globMatches(folder + '/a.txt', folder + '/a.txt'), true);
  });
});

describe('paths of gongwen.json stay inside the workspace folder (issue #14)', () => {
  it('refuses absolute paths elsewhere, `../..` and `/**/*.txt`, one warning per setting naming it and the value', () => {
    const dir = tempDir({ 'up/a.txt': '一、甲\n' });
    const { config, warnings } = confineProjectPaths(
      { upper: ['/etc/passwd', '../../x.txt', '/**/*.txt', 'up/*.txt', 'up/a.txt'], departments: '/etc/shadow', plans: '../plans.json', templates: 'own.json', rules: { 'heading-style': 'off' } },
      dir,
    );
    const ws = dir.replace(/\\/g, '/');
    assert.deepEqual(config.upper, [`${ws}/up/*.txt`, `${ws}/up/a.txt`]);
    assert.equal(config.departments, undefined);
    assert.equal(config.plans, undefined);
    assert.equal(config.templates, `${ws}/own.json`);
    assert.deepEqual(config.rules, { 'heading-style': 'off' });
    assert.equal(warnings.length, 3, warnings.join('\n'));
    assert.match(warnings.find((w) => w.includes('“upper”'))!, /路径“\/etc\/passwd”在工作区文件夹之外，已忽略（另有 2 个同样忽略）/);
    assert.match(warnings.find((w) => w.includes('“departments”'))!, /“\/etc\/shadow”在工作区文件夹之外/);
    assert.match(warnings.find((w) => w.includes('“plans”'))!, /“\.\.\/plans\.json”在工作区文件夹之外/);
  });

  it('refuses a link inside the folder that points outside it', function () {
    const outside = tempDir({ 'secret.json': '{"jurisdiction": "x"}' });
    const dir = tempDir();
    try {
      fs.symlinkSync(outside, path.join(dir, 'link'), 'dir');
    } catch {
      this.skip(); // no symlinks here (Windows without the right)
    }
    const { config, warnings } = confineProjectPaths({ departments: 'link/secret.json', upper: ['link/*.txt'] }, dir);
    assert.equal(config.departments, undefined);
    assert.deepEqual(config.upper, []);
    assert.equal(warnings.length, 2);
  });

  it('nothing outside is read: loadKnowledge warns without the file’s content', () => {
    const outside = tempDir({ 'units.json': 'SECRET-CONTENT {' });
    const dir = tempDir();
    const { warnings } = loadKnowledge({ departments: path.join(outside, 'units.json') }, dir);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /“departments”/);
    assert.doesNotMatch(warnings[0], /SECRET/);
  });

  it('a pattern longer than 256 characters is one warning naming the setting, and is ignored', () => {
    const dir = tempDir();
    const long = '**a'.repeat(100) + '**b';
    const { config, warnings } = confineProjectPaths({ upper: { [long]: ['x.txt'], 'a.txt': [long, long + 'c'] } }, dir);
    assert.deepEqual(config.upper, {});
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /gongwen\.json“upper”：路径或通配符“\*\*a\*\*a.{0,60}…”长 303 个字符，超过上限 256，已忽略（另有 2 个同样忽略）。/);
  });

  it('merges duplicates of `upper` (200,000 copies of one path) and bounds the count of entries', () => {
    const dir = tempDir();
    const copies = Array.from({ length: 200_000 }, (_, i) => (i % 2 ? './up/a.txt' : 'up/a.txt'));
    const { config, warnings } = confineProjectPaths({ upper: copies }, dir);
    assert.deepEqual(config.upper, [`${dir.replace(/\\/g, '/')}/up/a.txt`]);
    assert.deepEqual(warnings, []);
    const many = confineProjectPaths({ upper: Array.from({ length: 1000 }, (_, i) => `up/${i}.txt`) }, dir);
    assert.equal((many.config.upper as string[]).length, MAX_UPPER_ENTRIES);
    assert.match(many.warnings.join('\n'), new RegExp(`条目超过 ${MAX_UPPER_ENTRIES} 个，其余 ${1000 - MAX_UPPER_ENTRIES} 个已忽略`));
    assert.deepEqual(withUpperFiles(bundledPlans(), Array(200_000).fill('/x/up.txt')).upper.all, ['/x/up.txt']);
  });

  it('lint with a gongwen.json whose `upper` repeats one file 200,000 times reads it once and reports as with one copy', function () {
    this.timeout(60000);
    const dir = tempDir({ '002.txt': fs.readFileSync(seedPath('002'), 'utf8'), '000.txt': fs.readFileSync(seedPath('000'), 'utf8').replace('比例达到 17%', '比例达到 16.5%') });
    fs.writeFileSync(path.join(dir, 'gongwen.json'), JSON.stringify({ upper: Array(200_000).fill('002.txt') }));
    const r = run('lint', '--format', 'json', '--config', path.join(dir, 'gongwen.json'), path.join(dir, '000.txt'));
    const found = JSON.parse(r.out).flatMap((f: any) => f.diagnostics).filter((d: any) => d.rule === 'target-below-upper');
    assert.equal(found.length, 1, r.err);
    assert.match(found[0].message, /威海《关于新时代进一步加强科学技术普及工作的实施意见》/);
  });
});

describe('warnings never quote a file’s characters (issue #14)', () => {
  it('an unparsable gongwen.json is named with its line, not its first characters', () => {
    for (const text of ['SECRET-TOKEN-1234 is here', '{"rules": {"a": "off"},\n  SECRET: 1}', '{"a": "SECRET', '[' .repeat(5000)]) {
      const { error } = parseProjectConfig(text, 'gongwen.json');
      assert.ok(error, text.slice(0, 30));
      assert.match(error, /^gongwen\.json 第 \d+ 行：不是有效的 JSON（.+），已改用默认配置。$/);
      assert.doesNotMatch(error, /SECRET|\[\[/);
    }
    assert.match(parseProjectConfig('{"a": 1,\n\n  "b" 2}', 'gongwen.json').error!, /第 3 行/);
  });

  it('an unparsable plan registry or template file inside the folder neither', () => {
    const dir = tempDir({ 'plans.json': 'SECRET plans', 'templates.json': '{"genre": SECRET}' });
    const { warnings } = loadKnowledge({ plans: 'plans.json', templates: 'templates.json' }, dir);
    assert.equal(warnings.length, 2, warnings.join('\n'));
    for (const w of warnings) {
      assert.match(w, /第 1 行：不是有效的 JSON/);
      assert.doesNotMatch(w, /SECRET/);
    }
  });
});

describe('unknown rule ids in gongwen.json (issue #14)', () => {
  it('one warning per unknown id, naming the closest known id', () => {
    const { config, error, warnings } = parseProjectConfig(JSON.stringify({ rules: { 'heading-sequense': 'off', 'unit-ordr': 'hint', 'heading-style': 'off', 'zzz': 'off' } }), 'gongwen.json');
    assert.equal(error, undefined);
    assert.deepEqual(warnings, [
      'gongwen.json：未知的规则“heading-sequense”，是否指“heading-sequence”？',
      'gongwen.json：未知的规则“unit-ordr”，是否指“unit-order”？',
      'gongwen.json：未知的规则“zzz”，已忽略。',
    ]);
    assert.equal(config.rules?.['heading-style'], 'off');
    for (const rule of RULES) assert.equal(closestRuleId(rule.id), rule.id);
  });

  it('the CLI prints them on stderr and lints on', () => {
    const dir = tempDir({ 'gongwen.json': JSON.stringify({ rules: { 'heading-sequense': 'off' } }), 'a.txt': '一、总体要求\n' });
    const r = run('lint', '--config', path.join(dir, 'gongwen.json'), path.join(dir, 'a.txt'));
    assert.match(r.err, /警告：.*gongwen\.json：未知的规则“heading-sequense”，是否指“heading-sequence”？/);
    assert.notEqual(r.code, 2);
  });
});

describe('bounded directory walks (issue #14)', () => {
  it('the workspace listing stops at its bounds and says so', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`f${i}.txt`] = 'x';
    files['a/b/c/d.txt'] = 'x';
    const dir = tempDir(files);
    const out: string[] = [];
    assert.equal(listDocuments(dir, out, { depth: 6, files: 5, entries: 1000 }), true);
    assert.equal(out.length, 5);
    const shallow: string[] = [];
    assert.equal(listDocuments(dir, shallow, { depth: 1, files: 100, entries: 1000 }), true);
    assert.ok(!shallow.some((f) => f.endsWith('d.txt')));
    const all: string[] = [];
    assert.equal(listDocuments(dir, all), false);
    assert.equal(all.length, 13);
    const truncated: string[] = [];
    const found = resolveUpperFiles({ all: [`${dir.replace(/\\/g, '/')}/**/*.txt`], byDocument: [] }, (p) => truncated.push(p));
    assert.equal(found.length, 13);
    assert.deepEqual(truncated, []);
  });

  it('a CLI folder walk stops at its bounds with an error naming the folder', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 10; i++) files[`f${i}.txt`] = 'x';
    files[Array.from({ length: 5 }, (_, i) => `d${i}`).join('/') + '/deep.txt'] = 'x';
    const dir = tempDir(files);
    const bounded = collectFiles([dir], { depth: 32, files: 4, entries: 1000 });
    assert.equal(bounded.files.length, 4);
    assert.equal(bounded.errors.length, 1);
    assert.match(bounded.errors[0], /文件夹太大（上限：32 层、4 个公文、1000 个目录项），其余文件没有检查/);
    const shallow = collectFiles([dir], { depth: 3, files: 100, entries: 1000 });
    assert.equal(shallow.files.length, 10);
    assert.equal(shallow.errors.length, 1);
    assert.deepEqual(collectFiles([dir]).errors, []);
  });

  it('paths given many times are looked at once', () => {
    const dir = tempDir({ 'a.txt': 'x' });
    const file = path.join(dir, 'a.txt');
    const r = collectFiles([...Array(200_000).fill(file), dir, dir + path.sep, path.join(dir, '.', 'a.txt')]);
    assert.deepEqual(r, { files: [file], errors: [] });
  });

  it('a folder walk follows links to files, skips dangling ones, and walks a folder reached again through a link once', function () {
    // The walk reads the entries' types from the listing and looks up only links (issue #18): the same files as a stat of each.
    const dir = tempDir({ 'a.txt': 'x', 'sub/b.gw': 'x', 'sub/notes.md': 'x', 'other/c.txt': 'x' });
    try {
      fs.symlinkSync(path.join(dir, 'a.txt'), path.join(dir, 'sub', 'link-a.txt'));
      fs.symlinkSync(path.join(dir, 'other'), path.join(dir, 'sub', 'link-other'), 'dir');
      fs.symlinkSync(path.join(dir, 'missing.txt'), path.join(dir, 'sub', 'dangling.txt'));
      fs.symlinkSync(path.join(dir, 'sub'), path.join(dir, 'sub', 'loop'), 'dir');
      fs.symlinkSync(path.join(dir, 'sub', 'notes.md'), path.join(dir, 'sub', 'z-notes.txt'));
    } catch {
      this.skip(); // no symlinks here (Windows without the right)
    }
    const r = collectFiles([dir]);
    const rel = r.files.map((f) => path.relative(dir, f).split(path.sep).join('/'));
    assert.deepEqual(rel, ['a.txt', 'other/c.txt', 'sub/b.gw', 'sub/link-a.txt', 'sub/z-notes.txt']);
    assert.deepEqual(r.errors, []);
  });
});

describe('clear CLI outcomes (issue #14)', function () {
  this.timeout(30000);

  it('an exit-2 run never prints the clean-looking summary', () => {
    const r = run('lint', path.join(os.tmpdir(), 'gongwen-no-such-file.txt'));
    assert.equal(r.code, 2);
    assert.doesNotMatch(r.out, /没有发现问题/);
    assert.match(r.out, /检查未完成：1 处无法检查（见错误信息）；没有检查任何文件/);
    const empty = tempDir({ 'readme.md': 'x' });
    const e = run('lint', empty);
    assert.equal(e.code, 2);
    assert.doesNotMatch(e.out, /没有发现问题/);
  });

  /**
   * Permission errors need a user the file system refuses: as root (who reads everything) the built
   * CLI runs as `nobody`; otherwise as the current user.
   */
  function lintAsUnprivileged(args: string[]) {
    const asRoot = process.getuid?.() === 0;
    return spawnSync(process.execPath, [CLI, 'lint', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
  }

  it('an unreadable folder or file says permission denied, not “no documents”', function () {
    if (process.platform === 'win32') this.skip();
    const dir = tempDir({ 'locked/a.txt': '一、总体要求\n', 'open/b.txt': '一、总体要求\n', 'secret.txt': '一、总体要求\n' });
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, 'open'), 0o755);
    fs.chmodSync(path.join(dir, 'open', 'b.txt'), 0o644);
    fs.chmodSync(path.join(dir, 'locked'), 0o000);
    fs.chmodSync(path.join(dir, 'secret.txt'), 0o000);
    try {
      const folder = lintAsUnprivileged([path.join(dir, 'locked')]);
      assert.equal(folder.status, 2, folder.stderr);
      assert.match(folder.stderr, /locked：无法读取文件夹（没有读取权限），其中的文件没有检查/);
      assert.doesNotMatch(folder.stderr, /没有公文文件/);
      assert.doesNotMatch(folder.stdout, /没有发现问题/);
      const file = lintAsUnprivileged([path.join(dir, 'secret.txt'), path.join(dir, 'open')]);
      assert.equal(file.status, 2);
      assert.match(file.stderr, /secret\.txt：无法读取（没有读取权限）/);
      assert.match(file.stdout, /检查未完成：1 处无法检查/);
      const inside = lintAsUnprivileged([dir]);
      assert.equal(inside.status, 2);
      assert.match(inside.stderr, /locked：无法读取文件夹（没有读取权限）/);
    } finally {
      fs.chmodSync(path.join(dir, 'locked'), 0o755);
      fs.chmodSync(path.join(dir, 'secret.txt'), 0o644);
    }
  });
});
