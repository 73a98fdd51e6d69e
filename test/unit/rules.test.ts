import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLanguageService } from '../../server/src/service';
import { RULES } from '../../server/src/rules/index';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { ROOT, loadFixtures, readSeed, textAt } from './helpers';

const service = createLanguageService();
const lint = (text: string, uri = 'mem://test.gw') => service.diagnostics(service.parse(uri, text));

describe('rules: registry', () => {
  it('has unique ids, Chinese descriptions, a docs page and a fixture for every rule', () => {
    const fixtures = loadFixtures();
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of RULES) {
      assert.match(rule.description, /[\u4e00-\u9fff]/, `${rule.id} description`);
      const page = path.join(ROOT, 'docs', 'rules', `${rule.id}.md`);
      assert.ok(fs.existsSync(page), `docs/rules/${rule.id}.md is missing`);
      assert.ok(fs.readFileSync(page, 'utf8').includes(`\`${rule.id}\``), `${rule.id}.md names the rule id`);
      assert.ok(
        fixtures.some((f) => f.expected.some((e) => e.endsWith(` ${rule.id}`))),
        `no fixture expects a finding of ${rule.id}`,
      );
    }
  });

  it('labels each diagnostic with its rule id, source and docs link', () => {
    const [d] = lint('一、甲\n三、乙\n');
    assert.equal(d.code, 'heading-sequence');
    assert.equal(d.source, 'gongwen');
    assert.equal(d.codeDescription?.href, 'docs/rules/heading-sequence.md');
    assert.match(d.message as string, /“二、”/);
  });

  it('honours severity overrides and `off`', () => {
    const custom = createLanguageService({ settings: { ...DEFAULT_SETTINGS, rules: { 'heading-sequence': 'warning', 'heading-style': 'off' } } });
    const ds = custom.diagnostics(custom.parse('mem://x', '一.甲\n三、乙\n'));
    assert.deepEqual(ds.map((d) => [d.code, d.severity]), [['heading-sequence', 2]]);
  });
});

describe('rules: fixtures with inline expectations', () => {
  for (const fixture of loadFixtures()) {
    it(fixture.name, () => {
      const found = lint(fixture.text).map((d) => `${d.range.start.line + 1} ${d.code}`).sort();
      assert.deepEqual(found, fixture.expected);
    });
  }
});

describe('rules: messages point at the marker and name what is expected', () => {
  it('heading-style range covers exactly the written marker', () => {
    const text = '一、甲\n(一)乙。内容。\n';
    const [d] = lint(text);
    assert.equal(textAt(text, d.range), '(一)');
    assert.match(d.message as string, /（一）/);
  });

  it('heading-count range covers the whole statement even when the PDF wrapped it', () => {
    const text = '一、重点工程\n实施 3项重点\n\n— 2 —\n\n工程。\n（一）甲工程。内容。\n（二）乙工程。内容。\n';
    const [d] = lint(text);
    assert.equal(d.code, 'heading-count');
    assert.equal(textAt(text, d.range).replace(/\s|— 2 —/g, ''), '实施3项重点工程');
    assert.match(d.message as string, /2 项/);
  });
});

/**
 * Every finding on the seeds is a real defect of that seed; the list is exact, so a new false
 * finding fails here. Why each one is right:
 * - 002: three second-level markers written with half-width brackets `(十)` `(十一)` `(十二)`.
 * - 003: eleven `1．` markers where the document mostly writes `1.`, and eight `(六)`-style
 *   half-width bracket markers.
 * - 004: one `1．` (三、（三）1．) among `1.` markers.
 * - 000 and 001: numbering is clean.
 */
describe('rules: seeds', () => {
  const expected: Record<string, string[]> = {
    '000': [],
    '001': [],
    '002': ['94 heading-style', '96 heading-style', '100 heading-style'],
    '003': [
      '67', '77', '87', '101', '146', '163', '199', '231', '251', '267', '281',
      '511', '657', '733', '777', '852', '868', '884', '894',
    ].map((l) => `${l} heading-style`),
    '004': ['70 heading-style'],
  };
  for (const [seed, lines] of Object.entries(expected)) {
    it(`seed ${seed}`, () => {
      const text = readSeed(seed);
      // This file owns the numbering rules; each other area checks its own rules on the seeds.
      const ds = lint(text, `seed:${seed}`).filter((d) => String(d.code).startsWith('heading-'));
      assert.deepEqual(ds.map((d) => `${d.range.start.line + 1} ${d.code}`), lines);
      for (const d of ds) assert.match(textAt(text, d.range), /^[(（]?[0-9一二三四五六七八九十]+[)）.．、]?$/);
    });
  }
});

describe('rules: README lists every rule with a link to its page', () => {
  it('has one table row per rule', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const rule of RULES) assert.ok(readme.includes(`[\`${rule.id}\`](docs/rules/${rule.id}.md)`), rule.id);
  });
});

describe('rules: quick fixes and certain edits', () => {
  const text = '一、甲\n(一)乙。内容。\n(二)丙。内容。\n（三）丁。内容。\n';
  const doc = service.parse('mem://fix.gw', text);

  it('offers the preferred fix for the diagnostic under the cursor, and fix-all when there are several', () => {
    const actions = service.codeActions(doc, { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('改为“（一）”'), titles.join(' | '));
    assert.equal(actions.find((a) => a.title === '改为“（一）”')!.isPreferred, true);
    const all = actions.find((a) => a.title.startsWith('修复本文中全部'))!;
    assert.equal(all.edit!.changes!['mem://fix.gw'].length, 2);
  });

  it('certain edits applied to the text leave no finding of those rules', () => {
    const edits = service.certainEdits(doc);
    let fixed = text;
    for (const e of [...edits].reverse()) {
      const lines = fixed.split('\n');
      const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
      fixed = fixed.slice(0, offset(e.range.start)) + e.newText + fixed.slice(offset(e.range.end));
    }
    assert.equal(fixed, '一、甲\n（一）乙。内容。\n（二）丙。内容。\n（三）丁。内容。\n');
    assert.deepEqual(lint(fixed), []);
  });
});
