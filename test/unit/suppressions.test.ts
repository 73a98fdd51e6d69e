/**
 * Silencing one finding or one rule in one file through gongwen.json (issue #20): `ignore` entries
 * (rule, text of the finding's range, occurrence), `overrides` per file or glob, stale entries as hints,
 * and the quick fixes whose edits of gongwen.json add them.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { parseProjectConfig } from '../../server/src/config';
import type { IgnoreEntry, RuleOverride } from '../../server/src/settings';
import { STALE_CODE, type Suppressions } from '../../server/src/features/suppressions';
import { readSeed, ROOT, textAt } from './helpers';
import { applyEdits } from './format-edits';

const SEED_002 = readSeed('002');
const URI = 'file:///ws/seeds/002.txt';
const CONFIG_URI = 'file:///ws/gongwen.json';

function serviceWith(ignore: IgnoreEntry[] = [], overrides: RuleOverride[] = [], gongwenJson?: string | null) {
  const suppressions: Suppressions = {
    dir: '/ws',
    ignore,
    overrides,
    // null: no gongwen.json yet; undefined: read-only (the CLI, Restricted Mode).
    ...(gongwenJson !== undefined ? { file: () => ({ uri: CONFIG_URI, text: gongwenJson ?? undefined }) } : {}),
  };
  return createLanguageService({ suppressions });
}

const diagnosticsOf = (service: ReturnType<typeof serviceWith>, uri = URI) => service.diagnostics(service.parse(uri, SEED_002));
const byRule = (ds: Diagnostic[], rule: string) => ds.filter((d) => d.code === rule);
const texts = (ds: Diagnostic[]) => ds.map((d) => textAt(SEED_002, d.range));

describe('suppressions in gongwen.json (issue #20)', () => {
  const plain = diagnosticsOf(serviceWith());

  it('the seed has the findings the tests silence: (十) once under heading-style, several half-width commas', () => {
    assert.deepEqual(texts(byRule(plain, 'heading-style')).filter((x) => x === '(十)'), ['(十)']);
    assert.ok(texts(byRule(plain, 'punctuation-width')).filter((x) => x === ',').length >= 3);
  });

  it('an ignore entry removes exactly its finding, in the editor and in lint alike (one service call)', () => {
    const after = diagnosticsOf(serviceWith([{ file: 'seeds/002.txt', rule: 'heading-style', text: '(十)' }]));
    assert.deepEqual(texts(byRule(after, 'heading-style')).filter((x) => x === '(十)'), []);
    assert.equal(after.length, plain.length - 1);
    assert.equal(byRule(after, STALE_CODE).length, 0);
  });

  it('the occurrence picks one of several equal findings; ./ and \\ in the path are the same file', () => {
    const commas = byRule(plain, 'punctuation-width').filter((d) => textAt(SEED_002, d.range) === ',');
    const after = diagnosticsOf(serviceWith([{ file: './seeds\\002.txt', rule: 'punctuation-width', text: ',', occurrence: 2 }]));
    const left = byRule(after, 'punctuation-width').filter((d) => textAt(SEED_002, d.range) === ',');
    assert.deepEqual(left.map((d) => d.range), commas.filter((_, i) => i !== 1).map((d) => d.range));
  });

  it('an entry for another file, or another rule, silences nothing', () => {
    assert.equal(diagnosticsOf(serviceWith([{ file: 'seeds/003.txt', rule: 'heading-style', text: '(十)' }])).length, plain.length);
    const other = diagnosticsOf(serviceWith([{ file: 'seeds/002.txt', rule: 'heading-sequence', text: '(十)' }]));
    assert.equal(byRule(other, 'heading-style').length, byRule(plain, 'heading-style').length);
  });

  it('an entry whose finding is gone is a hint on the first line, naming the rule and the text', () => {
    const after = diagnosticsOf(serviceWith([{ file: 'seeds/002.txt', rule: 'heading-style', text: '(九十九)' }]));
    const stale = byRule(after, STALE_CODE);
    assert.equal(stale.length, 1);
    assert.equal(stale[0].severity, 4);
    assert.equal(stale[0].range.start.line, 0);
    assert.match(String(stale[0].message), /\(九十九\)/);
    assert.match(String(stale[0].message), /heading-style/);
    assert.equal(stale[0].codeDescription?.href, `docs/rules/${STALE_CODE}.md`);
    // A second occurrence that does not exist is stale too.
    assert.equal(byRule(diagnosticsOf(serviceWith([{ file: 'seeds/002.txt', rule: 'heading-style', text: '(十)', occurrence: 2 }])), STALE_CODE).length, 1);
  });

  it('an entry of a rule turned off for the file is not called stale', () => {
    const after = diagnosticsOf(serviceWith(
      [{ file: 'seeds/002.txt', rule: 'heading-style', text: '(九十九)' }],
      [{ files: ['seeds/*.txt'], rules: { 'heading-style': 'off' } }],
    ));
    assert.equal(byRule(after, STALE_CODE).length, 0);
    assert.equal(byRule(after, 'heading-style').length, 0);
  });

  it('overrides set levels for the files their patterns match, later entries winning', () => {
    const overrides: RuleOverride[] = [
      { files: ['seeds/**'], rules: { 'unit-order': 'off', 'heading-style': 'error' } },
      { files: ['seeds/002.txt'], rules: { 'heading-style': 'hint' } },
    ];
    const service = serviceWith([], overrides);
    const here = diagnosticsOf(service);
    assert.equal(byRule(here, 'unit-order').length, 0);
    assert.ok(byRule(here, 'heading-style').length > 0);
    assert.ok(byRule(here, 'heading-style').every((d) => d.severity === 4));
    // Outside the patterns (and outside the folder of gongwen.json) the settings apply unchanged.
    for (const uri of ['file:///ws/other/002.txt', 'file:///elsewhere/seeds/002.txt']) {
      const there = diagnosticsOf(service, uri);
      assert.equal(byRule(there, 'unit-order').length, byRule(plain, 'unit-order').length, uri);
    }
  });

  it('a silenced finding is not fixed by fix-all, formatting or lint --fix', () => {
    const fixes = (s: ReturnType<typeof serviceWith>) => s.certainEdits(s.parse(URI, SEED_002)).map((e) => textAt(SEED_002, e.range));
    assert.ok(fixes(serviceWith()).includes('(十)'));
    assert.ok(!fixes(serviceWith([{ file: 'seeds/002.txt', rule: 'heading-style', text: '(十)' }])).includes('(十)'));
  });
});

describe('the quick fixes that write gongwen.json (issue #20)', () => {
  const plain = diagnosticsOf(serviceWith());
  const shi = plain.find((d) => d.code === 'heading-style' && textAt(SEED_002, d.range) === '(十)')!;
  const actionsAt = (service: ReturnType<typeof serviceWith>, d: Diagnostic) => service.codeActions(service.parse(URI, SEED_002), d.range);
  const titled = (actions: CodeAction[], prefix: string) => actions.find((a) => a.title.startsWith(prefix));
  const editOf = (a: CodeAction | undefined): TextEdit[] => a?.edit?.changes?.[CONFIG_URI] ?? assert.fail(`no edit of gongwen.json: ${JSON.stringify(a)}`);

  it('在本文件中忽略此项 adds the entry to gongwen.json, keeping what the file says; applied, the finding is gone', () => {
    const before = '{\n  "jurisdiction": "威海市",\n  "ignore": []\n}\n';
    const action = titled(actionsAt(serviceWith([], [], before), shi), '在本文件中忽略此项');
    assert.equal(action?.kind, 'quickfix');
    assert.notEqual(action?.isPreferred, true, 'never applied unasked');
    const after = applyEdits(before, editOf(action));
    const { config, error } = parseProjectConfig(after, 'gongwen.json');
    assert.equal(error, undefined);
    assert.equal(config.jurisdiction, '威海市');
    assert.deepEqual(config.ignore, [{ file: 'seeds/002.txt', rule: 'heading-style', text: '(十)', occurrence: 1 }]);
    const silenced = diagnosticsOf(serviceWith(config.ignore, [], after));
    assert.equal(silenced.length, plain.length - 1);
    // Once ignored, it is not offered again (the finding is gone, and an equal entry is not added twice).
    assert.equal(titled(actionsAt(serviceWith(config.ignore, [], after), shi), '在本文件中忽略此项'), undefined);
  });

  it('the second of equal findings is written with occurrence 2', () => {
    const commas = byRule(plain, 'punctuation-width').filter((d) => textAt(SEED_002, d.range) === ',');
    const action = titled(actionsAt(serviceWith([], [], '{}'), commas[1]), '在本文件中忽略此项');
    const { config } = parseProjectConfig(applyEdits('{}', editOf(action)), 'gongwen.json');
    assert.deepEqual(config.ignore, [{ file: 'seeds/002.txt', rule: 'punctuation-width', text: ',', occurrence: 2 }]);
  });

  it('在本文件中关闭规则 adds an override for the file, or the rule to the override it already has', () => {
    const action = titled(actionsAt(serviceWith([], [], '{ "rules": { "unit-order": "hint" } }'), shi), '在本文件中关闭规则 heading-style');
    const once = applyEdits('{ "rules": { "unit-order": "hint" } }', editOf(action));
    const first = parseProjectConfig(once, 'gongwen.json').config;
    assert.deepEqual(first.overrides, [{ files: ['seeds/002.txt'], rules: { 'heading-style': 'off' } }]);
    assert.deepEqual(first.rules, { 'unit-order': 'hint' });
    assert.equal(byRule(diagnosticsOf(serviceWith([], first.overrides, once)), 'heading-style').length, 0);
    const comma = byRule(plain, 'punctuation-width')[0];
    const again = applyEdits(once, editOf(titled(actionsAt(serviceWith([], first.overrides, once), comma), '在本文件中关闭规则 punctuation-width')));
    assert.deepEqual(parseProjectConfig(again, 'gongwen.json').config.overrides, [{ files: ['seeds/002.txt'], rules: { 'heading-style': 'off', 'punctuation-width': 'off' } }]);
  });

  it('without a gongwen.json the edit creates one', () => {
    const action = titled(actionsAt(serviceWith([], [], null), shi), '在本文件中忽略此项');
    const changes = action?.edit?.documentChanges ?? [];
    assert.deepEqual(changes[0], { kind: 'create', uri: CONFIG_URI, options: { ignoreIfExists: true } });
    const text = (changes[1] as { edits: TextEdit[] }).edits[0].newText;
    assert.deepEqual(parseProjectConfig(text, 'gongwen.json').config.ignore, [{ file: 'seeds/002.txt', rule: 'heading-style', text: '(十)', occurrence: 1 }]);
  });

  it('a stale entry offers to remove itself, and nothing else of the file', () => {
    const before = '{\n  "ignore": [\n    { "file": "seeds/002.txt", "rule": "heading-style", "text": "(九十九)" },\n    { "file": "seeds/002.txt", "rule": "heading-style", "text": "(十)" }\n  ]\n}\n';
    const { config } = parseProjectConfig(before, 'gongwen.json');
    const service = serviceWith(config.ignore, [], before);
    const stale = byRule(diagnosticsOf(service), STALE_CODE);
    assert.equal(stale.length, 1);
    const action = titled(service.codeActions(service.parse(URI, SEED_002), stale[0].range), '从 gongwen.json 删去');
    const after = parseProjectConfig(applyEdits(before, editOf(action)), 'gongwen.json').config;
    assert.deepEqual(after.ignore, [{ file: 'seeds/002.txt', rule: 'heading-style', text: '(十)' }]);
  });

  it('where gongwen.json may not be written (CLI, Restricted Mode) or the file lies outside its folder, none is offered', () => {
    const readOnly = actionsAt(serviceWith(), shi);
    assert.equal(readOnly.filter((a) => a.title.includes('gongwen.json')).length, 0);
    assert.ok(readOnly.length > 0, 'the rule\'s own fix is still there');
    const outside = serviceWith([], [], '{}');
    const actions = outside.codeActions(outside.parse('file:///elsewhere/002.txt', SEED_002), shi.range);
    assert.equal(actions.filter((a) => a.title.includes('gongwen.json')).length, 0);
  });
});

describe('gongwen.json ignore and overrides are read strictly', () => {
  it('accepts well-formed entries and refuses malformed ones with a message', () => {
    const ok = parseProjectConfig(JSON.stringify({ ignore: [{ file: 'a.gw', rule: 'heading-style', text: 'x', occurrence: 3 }], overrides: [{ files: ['*.gw'], rules: { 'unit-order': 'off' } }] }), 'gongwen.json');
    assert.equal(ok.error, undefined);
    for (const bad of [
      { ignore: {} }, { ignore: [{ file: 'a.gw', rule: 'r' }] }, { ignore: [{ file: 'a.gw', rule: 'r', text: 'x', occurrence: 0 }] },
      { ignore: [{ file: 'a.gw', rule: 'r', text: 'x', extra: 1 }] }, { overrides: [{ files: '*.gw', rules: {} }] },
      { overrides: [{ files: ['*.gw'], rules: { r: 'fatal' } }] },
    ]) {
      assert.ok(parseProjectConfig(JSON.stringify(bad), 'gongwen.json').error, JSON.stringify(bad));
    }
  });

  it('warns about an unknown rule id in an override, naming the closest one', () => {
    const { warnings } = parseProjectConfig(JSON.stringify({ overrides: [{ files: ['*.gw'], rules: { 'heading-stile': 'off' } }] }), 'gongwen.json');
    assert.ok(warnings?.some((w) => w.includes('heading-style')), JSON.stringify(warnings));
  });
});

describe('gongwen lint reads the same suppressions (issue #20)', () => {
  it('a finding ignored in gongwen.json is not printed; a stale entry is a hint; the file itself is never written', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-suppress-'));
    try {
      fs.writeFileSync(path.join(dir, '002.txt'), SEED_002);
      fs.writeFileSync(path.join(dir, 'gongwen.json'), JSON.stringify({
        ignore: [{ file: '002.txt', rule: 'heading-style', text: '(十)' }, { file: '002.txt', rule: 'heading-style', text: '(九十九)' }],
        overrides: [{ files: ['*.txt'], rules: { 'unit-order': 'off' } }],
      }));
      const run = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'lint', '--format', 'json', '002.txt'], { cwd: dir, encoding: 'utf8' });
      const [file] = JSON.parse(run.stdout) as Array<{ diagnostics: Array<{ rule: string; severity: string; range: Diagnostic['range'] }> }>;
      const rules = file.diagnostics.map((d) => d.rule);
      assert.ok(!rules.includes('unit-order'), 'override: unit-order off for *.txt');
      const styles = file.diagnostics.filter((d) => d.rule === 'heading-style').map((d) => textAt(SEED_002, d.range));
      assert.ok(!styles.includes('(十)') && styles.includes('(十一)'), styles.join(' '));
      assert.deepEqual(file.diagnostics.filter((d) => d.rule === STALE_CODE).map((d) => d.severity), ['hint']);
      assert.equal(fs.readFileSync(path.join(dir, '002.txt'), 'utf8'), SEED_002);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
