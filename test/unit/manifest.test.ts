/**
 * The extension manifest agrees with the code: settings with `DEFAULT_SETTINGS`, the gongwen.json
 * schema with `ProjectConfig` and its reader, nls files with each other, and every contributed
 * file exists and parses.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { parseProjectConfig } from '../../server/src/config';
import { RULES } from '../../server/src/rules';

const ROOT = path.join(__dirname, '..', '..');
const readJson = (rel: string): any => JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8'));
const pkg = readJson('package.json');
const contributes = pkg.contributes;

/** Settings the client reads itself; the server never sees them, so they are not in GongwenSettings. */
const CLIENT_ONLY_SETTINGS = ['gongwen.trace.server'];
/** The keys of `ProjectConfig` in server/src/settings.ts (an interface has no run-time keys to read). */
const PROJECT_CONFIG_KEYS = ['jurisdiction', 'departments', 'plans', 'templates', 'upper', 'deadline', 'language', 'rules', 'export', 'ignore', 'overrides', 'words'];
/** `UiLanguage` and `RuleSetting` in server/src/settings.ts. */
const UI_LANGUAGES = ['zh-cn', 'en'];
const RULE_SETTINGS = ['error', 'warning', 'information', 'hint', 'off', 'default'];
/** Settings grouped in an object in DEFAULT_SETTINGS appear as dotted keys in the manifest (`gongwen.codeLens.upper`). */
const GROUPED_SETTINGS = ['codeLens', 'export'];
const FLAT_DEFAULTS: Record<string, unknown> = Object.fromEntries(
  Object.entries(DEFAULT_SETTINGS).flatMap(([k, v]) => (GROUPED_SETTINGS.includes(k) ? Object.entries(v as object).map(([sub, d]) => [`${k}.${sub}`, d]) : [[k, v]])),
);

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'object' : typeof value;
}

/** `./x/y.json` from the manifest → the parsed file, after checking it exists. */
function contributedFile(rel: string): any {
  assert.ok(fs.existsSync(path.join(ROOT, rel)), `${rel} is referenced by package.json but missing`);
  return readJson(rel);
}

/**
 * A small validator for the draft-07 keywords our schema uses. It throws on any other keyword,
 * so a schema that grows beyond it fails here rather than passing unchecked.
 */
const ANNOTATIONS = new Set(['$schema', 'title', 'description', 'examples', 'enumDescriptions', 'default']);
function validate(schema: any, value: unknown, at = '$'): string[] {
  const errors: string[] = [];
  for (const key of Object.keys(schema)) {
    if (!ANNOTATIONS.has(key) && !['type', 'enum', 'properties', 'additionalProperties', 'items', 'oneOf', 'required', 'minLength', 'maxLength', 'pattern', 'maxItems'].includes(key)) {
      throw new Error(`validator does not know keyword ${key}`);
    }
  }
  if (schema.type && jsonType(value) !== schema.type) return [`${at}: expected ${schema.type}`];
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${at}: not in enum`);
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) errors.push(`${at}: shorter than ${schema.minLength}`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) errors.push(`${at}: longer than ${schema.maxLength}`);
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${at}: does not match ${schema.pattern}`);
  }
  if (Array.isArray(value) && schema.maxItems !== undefined && value.length > schema.maxItems) errors.push(`${at}: more than ${schema.maxItems} items`);
  for (const k of schema.required ?? []) if (jsonType(value) === 'object' && !(k in (value as object))) errors.push(`${at}.${k}: required`);
  if (schema.oneOf) {
    const passing = schema.oneOf.filter((s: any) => validate(s, value, at).length === 0).length;
    if (passing !== 1) errors.push(`${at}: matches ${passing} of oneOf`);
  }
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => errors.push(...validate(schema.items, v, `${at}[${i}]`)));
  if (jsonType(value) === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const sub = schema.properties?.[k] ?? schema.additionalProperties;
      if (sub === false) errors.push(`${at}.${k}: not allowed`);
      else if (sub && sub !== true) errors.push(...validate(sub, v, `${at}.${k}`));
    }
  }
  return errors;
}

describe('package.json', () => {
  describe('contributes.configuration', () => {
    const props: Record<string, any> = contributes.configuration.properties;

    it('has exactly the DEFAULT_SETTINGS keys, plus the client-only ones', () => {
      const expected = [...Object.keys(FLAT_DEFAULTS).map((k) => `gongwen.${k}`), ...CLIENT_ONLY_SETTINGS];
      assert.deepEqual(Object.keys(props).sort(), expected.sort());
    });

    it('gives each setting the type and default of DEFAULT_SETTINGS', () => {
      for (const [key, value] of Object.entries(FLAT_DEFAULTS)) {
        const prop = props[`gongwen.${key}`];
        assert.equal(prop.type, jsonType(value), key);
        assert.deepEqual(prop.default, value, key);
      }
    });

    it('offers the same choices as the settings types and the gongwen.json reader', () => {
      assert.deepEqual(props['gongwen.language'].enum, UI_LANGUAGES);
      for (const rule of Object.values<any>(props['gongwen.rules'].properties)) assert.deepEqual(rule.enum, RULE_SETTINGS);
      assert.deepEqual(props['gongwen.trace.server'].enum, ['off', 'messages', 'verbose']);
      assert.equal(props['gongwen.trace.server'].default, 'off');
      for (const [key, prop] of Object.entries(props)) {
        assert.match(prop.description, /^%[\w.-]+%$/, `${key} description goes through nls`);
        if (prop.enum) assert.equal(prop.enumDescriptions?.length, prop.enum.length, `${key} enumDescriptions`);
      }
    });

    it('lists every rule of the registry in gongwen.rules, each with the severities (issue #20 defect 7)', () => {
      const rules = props['gongwen.rules'];
      assert.deepEqual(Object.keys(rules.properties), RULES.map((r) => r.id));
      assert.equal(rules.additionalProperties, false, 'an unknown rule id is marked in settings.json');
      for (const rule of RULES) {
        const prop = rules.properties[rule.id];
        assert.equal(prop.type, 'string');
        assert.equal(prop.enumDescriptions.length, prop.enum.length, rule.id);
        assert.equal(prop.markdownDescription, `%configuration.rules.${rule.id}%`);
      }
    });
  });

  it('contributes the language, its grammar, snippets and language configuration', () => {
    const lang = contributes.languages.find((l: any) => l.id === 'gongwen');
    assert.ok(lang);
    assert.deepEqual(lang.extensions, ['.gw', '.gongwen']);
    assert.ok(lang.aliases.includes('公文'));
    const langConf = contributedFile(lang.configuration);
    const pairs = langConf.brackets.map((b: string[]) => b.join(''));
    for (const pair of ['（）', '()', '《》', '〔〕', '“”']) assert.ok(pairs.includes(pair), pair);

    assert.equal(contributes.grammars.length, 1);
    const grammarRef = contributes.grammars[0];
    assert.equal(grammarRef.language, 'gongwen');
    assert.equal(contributedFile(grammarRef.path).scopeName, grammarRef.scopeName);
    assert.equal(grammarRef.scopeName, 'text.gongwen');

    const snippets = contributedFile(contributes.snippets[0].path);
    assert.equal(contributes.snippets[0].language, 'gongwen');
    assert.ok(Object.keys(snippets).length >= 5);
  });

  it('activates on gongwen and plain-text files and on a gongwen.json workspace', () => {
    for (const event of ['onLanguage:gongwen', 'onLanguage:plaintext', 'workspaceContains:gongwen.json']) {
      assert.ok(pkg.activationEvents.includes(event), event);
    }
    assert.equal(pkg.main, './dist/client.js');
    assert.match(fs.readFileSync(path.join(ROOT, 'esbuild.mjs'), 'utf8'), /client\/src\/extension\.ts'.*outfile: 'dist\/client\.js'/);
  });

  it('sets the editor defaults a 公文 needs for the gongwen language (issue #20)', () => {
    const defaults = contributes.configurationDefaults['[gongwen]'];
    // U+3000 indents and full-width punctuation are the norm, not suspicious characters.
    assert.equal(defaults['editor.unicodeHighlight.invisibleCharacters'], false);
    assert.equal(defaults['editor.unicodeHighlight.ambiguousCharacters'], false);
    // Paragraphs are long single lines.
    assert.equal(defaults['editor.wordWrap'], 'on');
    // Formatting applies only certain fixes (a property test guarantees they touch only their finding, issue #14).
    assert.equal(defaults['editor.formatOnSave'], true);
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const key of Object.keys(defaults)) assert.ok(readme.includes(`\`${key}\``), `README names ${key}`);
  });

  it('registers in the client every command it contributes', () => {
    const client = fs
      .readdirSync(path.join(ROOT, 'client', 'src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => fs.readFileSync(path.join(ROOT, 'client', 'src', f), 'utf8'))
      .join('\n');
    const ids = contributes.commands.map((c: any) => c.command);
    assert.deepEqual(ids.sort(), ['gongwen.annotateOffice', 'gongwen.convertOffice', 'gongwen.coverage', 'gongwen.exportDocx', 'gongwen.findUnitTasks', 'gongwen.newPlan', 'gongwen.openOffice', 'gongwen.openSample', 'gongwen.printPreview', 'gongwen.renumber', 'gongwen.reportFolder', 'gongwen.restartServer', 'gongwen.showOutput']);
    for (const id of ids) assert.ok(client.includes(`registerCommand('${id}'`) || client.includes(`registerTextEditorCommand('${id}'`), id);
  });
});

describe('package.nls', () => {
  const en = readJson('package.nls.json');
  const zh = readJson('package.nls.zh-cn.json');
  const used = new Set([...fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));

  it('has the same keys in English and Chinese', () => {
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  });

  it('defines every %key% of package.json, and nothing unused', () => {
    assert.ok(used.size > 10);
    assert.deepEqual([...used].sort(), Object.keys(en).sort());
  });

  it('declares untrusted workspaces supported in a limited way, with a described limit (issue #14)', () => {
    const manifest = readJson('package.json');
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.equal(manifest.capabilities.untrustedWorkspaces.description, '%capabilities.untrustedWorkspaces.description%');
    assert.match(en['capabilities.untrustedWorkspaces.description'], /Restricted Mode.*gongwen\.json/);
    assert.match(zh['capabilities.untrustedWorkspaces.description'], /受限模式/);
  });

  it('titles every command in English and Chinese, and the README lists both (issue #20 defect 7)', () => {
    // A %key% title becomes { value, original } in a Chinese VS Code: the palette matches both languages.
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const c of contributes.commands) {
      assert.match(c.title, /^%command\.[\w.]+%$/, c.command);
      assert.equal(c.category, '%command.category%', c.command);
      const key = c.title.slice(1, -1);
      assert.doesNotMatch(en[key], /[\u4e00-\u9fff]/, `${key} English title`);
      assert.match(en[key], /^[A-Z]/, `${key} English title`);
      assert.match(zh[key], /[\u4e00-\u9fff]/, `${key} Chinese title`);
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${c.command}\` |`));
      assert.ok(row, `README lists ${c.command}`);
      assert.ok(row.includes(`${en['command.category']}: ${en[key]}`) && row.includes(`${zh['command.category']}：${zh[key]}`), row);
    }
  });

  it('has real Chinese in the Chinese file', () => {
    for (const [key, text] of Object.entries<string>(zh)) {
      assert.ok(typeof text === 'string' && text.length > 0, key);
      assert.match(text, /[\u4e00-\u9fff]/, key);
    }
    assert.equal(zh['command.restartServer.title'], '重启公文语言服务器');
    assert.equal(zh['command.showOutput.title'], '显示公文日志');
    assert.equal(zh['command.category'], '公文');
  });
});

describe('snippets', () => {
  const snippets: Record<string, { prefix: string[]; body: string | string[]; description: string }> =
    readJson('snippets/gongwen.code-snippets');
  const body = (name: string) => ([] as string[]).concat(snippets[name].body).join('\n');

  it('each has a prefix, a body and a description', () => {
    for (const [name, s] of Object.entries(snippets)) {
      assert.ok(s.prefix.length > 0 && body(name).length > 0 && s.description.length > 0, name);
    }
  });

  it('writes 发文字号 with 六角括号 (GB/T 9704-2012 §7.2.5)', () => {
    assert.match(body('发文字号'), /^\$\{1:[^}]+\}〔.+〕\$\{3:1\}号$/);
  });

  it('ends 主送机关 with a full-width colon (§7.3.2)', () => {
    assert.match(body('主送机关'), /：(\$0)?$/);
  });

  it('never inserts a zero-padded month or day (§7.3.5)', () => {
    let dates = 0;
    for (const name of Object.keys(snippets)) {
      const text = body(name);
      // $CURRENT_MONTH / $CURRENT_DATE are zero-padded; only the form with the /^0// transform may appear.
      const uses = text.match(/\$\{?CURRENT_(MONTH|DATE)\b[^}]*\}?/g) ?? [];
      for (const use of uses) assert.match(use, /^\$\{CURRENT_(MONTH|DATE)\/\^0\/\/\}$/, `${name}: ${use}`);
      dates += uses.length;
    }
    assert.ok(dates >= 2);
  });
});

describe('syntaxes/gongwen.tmLanguage.json', () => {
  const grammar = readJson('syntaxes/gongwen.tmLanguage.json');
  const rules: Array<{ name?: string; match?: string; begin?: string; end?: string; captures?: any }> = [];
  const collect = (node: any): void => {
    if (node && typeof node === 'object') {
      if (typeof node.match === 'string' || typeof node.begin === 'string') rules.push(node);
      Object.values(node).forEach(collect);
    }
  };
  collect(grammar);
  const regex = (source: string) => new RegExp(source, 'u');
  const repo = grammar.repository;
  const headingBegin = (level: number) => regex(repo.headings.patterns.find((p: any) => p.name === `markup.heading.${level}.gongwen`).begin);

  it('uses only line-local, bounded patterns without nested quantifiers', () => {
    assert.ok(rules.length >= 9);
    for (const r of rules) {
      for (const source of [r.match, r.begin, r.end].filter((s): s is string => typeof s === 'string')) {
        assert.doesNotThrow(() => regex(source), source);
        assert.doesNotMatch(source, /\)[*+{]/, `quantified group in ${source}`);
      }
    }
  });

  it('colours heading markers by level (GB/T 9704-2012 §7.3.3)', () => {
    assert.match('一、指导思想', headingBegin(1));
    assert.match('十二、组织实施', headingBegin(1));
    assert.match('（一）指导思想。', headingBegin(2));
    assert.match('(十)加强科普', headingBegin(2));
    assert.match('1.坚持科学精神引领。', headingBegin(3));
    assert.match('\u3000\u30002．加强基础教育', headingBegin(3));
    assert.doesNotMatch('1.5%的增长', headingBegin(3));
    assert.doesNotMatch('2022年7月12日', headingBegin(3));
    assert.match('（1）青少年', headingBegin(4));
    assert.doesNotMatch('（2021—2025年）', headingBegin(4));
    assert.doesNotMatch('（一）', headingBegin(1));
    assert.match('——开展科普活动', regex(repo.headings.patterns.find((p: any) => p.match).match));
  });

  it('colours 文号, dates, citations and percentages', () => {
    const docNumber = regex(repo.docNumber.match);
    assert.equal('印发乳政发〔2022〕6号文件'.match(docNumber)?.[0], '印发乳政发〔2022〕6号');
    assert.match('淄政办发〔2016〕10 号', docNumber);
    assert.doesNotMatch('平政字[2022]21号', docNumber);
    assert.match('2022年 7月 12日', regex(repo.date.match));
    assert.equal('根据《全民科学素质行动规划纲要》要求'.match(regex(repo.citation.match))?.[0], '《全民科学素质行动规划纲要》');
    const pct = regex(repo.percentage.match);
    assert.equal('达到18.5％'.match(pct)?.[0], '18.5％');
    assert.equal('达到17%'.match(pct)?.[0], '17%');
  });
});

describe('schemas/gongwen.schema.json', () => {
  const ref = contributes.jsonValidation.find((v: any) => v.fileMatch === 'gongwen.json');
  const schema = contributedFile(ref.url);

  it('is a draft-07 schema of exactly the ProjectConfig keys', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(schema.type, 'object');
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual(Object.keys(schema.properties).sort(), [...PROJECT_CONFIG_KEYS].sort());
    for (const [key, prop] of Object.entries<any>(schema.properties)) assert.match(prop.description, /[\u4e00-\u9fff]/, key);
    assert.deepEqual(schema.properties.language.enum, UI_LANGUAGES);
    assert.deepEqual(schema.properties.rules.additionalProperties.enum, RULE_SETTINGS);
    // Every rule id is listed, so the editor completes ids and severities in gongwen.json (issue #20).
    assert.deepEqual(Object.keys(schema.properties.rules.properties), RULES.map((r) => r.id));
    for (const rule of Object.values<any>(schema.properties.rules.properties)) assert.deepEqual(rule.enum, RULE_SETTINGS);
  });

  it('accepts what the gongwen.json reader accepts', () => {
    const samples = [
      { jurisdiction: '乳山市', departments: 'departments.json', upper: ['upper/*.txt'], language: 'en', rules: { 'some-rule': 'off' } },
      { upper: { '乳山方案.txt': ['威海方案.txt'] }, rules: Object.fromEntries(RULE_SETTINGS.map((s, i) => [`r${i}`, s])) },
      // Issue #16: fonts of the Word export mapped to installed ones.
      { export: { fonts: { 方正小标宋简体: '华文中宋', 仿宋_GB2312: '仿宋' } } },
      // Issue #20: one finding, and rules per file, silenced.
      { ignore: [{ file: 'seeds/002.txt', rule: 'heading-style', text: '(十)', occurrence: 2 }, { file: 'a.gw', rule: 'placeholder', text: '××' }], overrides: [{ files: ['草稿/**/*.gw'], rules: { 'unit-order': 'off' } }] },
      // Issue #17: the office's word list.
      { words: { allow: ['其它', '公路公路'], confused: [{ wrong: '乳山县', right: '乳山市' }] } },
      { words: {} },
      {},
    ];
    for (const sample of samples) {
      assert.deepEqual(validate(schema, sample), [], JSON.stringify(sample));
      const { config, error } = parseProjectConfig(JSON.stringify(sample), 'gongwen.json');
      assert.equal(error, undefined, JSON.stringify(sample));
      assert.deepEqual(config, sample);
    }
  });

  it('rejects what the gongwen.json reader rejects', () => {
    const samples = [
      { jurisdiction: 1 }, { upper: 'upper.txt' }, { upper: { a: 'b' } }, { language: 'fr' }, { rules: { r: 'fatal' } }, { rules: [] },
      { ignore: [{ file: 'a.gw', rule: 'r', text: 1 }] }, { ignore: [{ file: 'a.gw', rule: 'r', text: 'x', why: '' }] }, { overrides: [{ files: 'a.gw', rules: {} }] },
      { overrides: [{ files: ['a.gw'], rules: { r: 'fatal' } }] },
      { words: ['其它'] }, { words: { allow: '其它' } }, { words: { allow: [''] } }, { words: { allow: ['其 它'] } }, { words: { allow: ['字'.repeat(21)] } },
      { words: { deny: [] } }, { words: { confused: [{ wrong: '乳山县' }] } }, { words: { confused: [{ wrong: '甲', right: '乙', why: '' }] } },
      { words: { allow: Array.from({ length: 2001 }, (_, i) => `词${i}`) } },
      { export: { fonts: { 黑体: 1 } } }, { export: { font: {} } }, { export: [] },
    ];
    for (const sample of samples) {
      assert.notDeepEqual(validate(schema, sample), [], JSON.stringify(sample));
      assert.ok(parseProjectConfig(JSON.stringify(sample), 'gongwen.json').error, JSON.stringify(sample));
    }
    assert.notDeepEqual(validate(schema, { unknown: true }), [], 'additionalProperties: false');
  });
});
