/**
 * Issue #4: the bundled department lists (valid against their schema, each seed's units known),
 * the outdated-name table at every level, the choice of list, and a user's own list — including a
 * malformed one, which gives one warning with file and line while the bundled lists stay.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundledDepartments } from '../../server/src/knowledge/departments';
import { UNIT_KINDS } from '../../server/src/knowledge/departments/types';
import { placesOf, resolveUnit } from '../../server/src/knowledge/departments/resolve';
import { unitSequencePlace } from '../../server/src/knowledge/departments/sequence';
import { createLanguageService } from '../../server/src/service';
import { bundledKnowledge } from '../../server/src/knowledge/index';
import { chooseList } from '../../server/src/knowledge/departments/jurisdiction';
import { parseDepartmentList } from '../../server/src/knowledge/departments/validate';
import { loadKnowledge } from '../../server/src/io/knowledge';
import { parseDocument } from '../../server/src/model/parse';
import { ROOT, readSeed } from './helpers';

const knowledge = bundledDepartments();
const list = (j: string) => knowledge.lists.find((l) => l.jurisdiction === j)!;

describe('department lists: bundled data', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'departments.schema.json'), 'utf8'));

  it('the published schema offers the kinds and prefixes the code knows', () => {
    assert.deepEqual(schema.definitions.unit.properties.kind.enum, UNIT_KINDS);
    assert.deepEqual(schema.definitions.list.properties.prefix.enum, ['市', '县', '区']);
    assert.deepEqual(schema.definitions.unit.required, ['name', 'forms', 'kind']);
  });

  it('every list under seeds/departments/ names the schema; units are unique and each has a preferred form', () => {
    for (const l of knowledge.lists) {
      const names = l.units.map((u) => u.name);
      assert.equal(new Set(names).size, names.length, l.jurisdiction);
      const forms = l.units.flatMap((u) => u.forms);
      assert.equal(new Set(forms).size, forms.length, `${l.jurisdiction}: a form names two units`);
      assert.equal((l as unknown as Record<string, unknown>).$schema, '../../schemas/departments.schema.json');
    }
  });

  it('short forms and the default sequence are data: each form in one family, each core in one place; the bundled lists take their order from the sequence', () => {
    const abbreviations = JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds', 'departments', 'abbreviations.json'), 'utf8'));
    const family = new Map<string, number>();
    abbreviations.families.forEach((f: { names: Record<string, string[]>; wrong?: string[] }, i: number) => {
      for (const form of [...Object.entries(f.names).flat(2), ...(f.wrong ?? [])]) {
        assert.ok((family.get(form) ?? i) === i, `${form} is in two families`);
        family.set(form, i);
      }
    });
    const sequence = JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds', 'departments', 'sequence.json'), 'utf8'));
    const cores = sequence.groups.flatMap((g: { ranks: string[][] }) => g.ranks.flat());
    assert.equal(new Set(cores).size, cores.length);
    for (const f of ['abbreviations', 'sequence']) assert.ok(schema.definitions[f], f);
    // Each bundled list's order is that of the seed it was derived from, which is no source of order (#13).
    for (const l of knowledge.lists) assert.equal(l.order, 'sequence', l.jurisdiction);
    // The sequence gives a place to each seed jurisdiction's party and government departments it names.
    for (const l of knowledge.lists) {
      for (const u of l.units) if (u.kind === '党委部门' || (u.kind === '政府部门' && !/林业局$/.test(u.name))) assert.ok(unitSequencePlace(u, l, placesOf(knowledge)), `${l.jurisdiction}: ${u.name}`);
    }
  });

  it('the user-list reader accepts every bundled list', () => {
    for (const f of ['rushan', 'yanzhou', 'weihai', 'zibo', 'pingyin']) {
      const file = path.join(ROOT, 'seeds', 'departments', `${f}.json`);
      assert.ok(parseDepartmentList(fs.readFileSync(file, 'utf8'), file).list, f);
    }
  });

  it('knows every unit each seed names (as listed, alias or former name)', () => {
    for (const [seed, j] of [['000', '乳山市'], ['001', '兖州区'], ['002', '威海市'], ['003', '淄博市'], ['004', '平阴县']] as const) {
      const doc = parseDocument('mem://x', readSeed(seed));
      for (const r of doc.responsibilities) {
        for (const u of r.units) assert.notEqual(resolveUnit(u.name, list(j), knowledge).status, 'unknown', `${seed}: ${u.name}`);
      }
    }
  });

  it('records level and kind, and the real higher bodies present locally', () => {
    const r = resolveUnit('威海市生态环境局乳山分局', list('乳山市'), knowledge);
    assert.equal(r.status, 'ok');
    assert.equal(r.status === 'ok' && r.unit.level, '威海市');
    const school = resolveUnit('威海机械工程高级技工学校', list('乳山市'), knowledge);
    assert.equal(school.status === 'ok' && school.unit.kind, '其他机构');
    const league = resolveUnit('团县委', list('平阴县'), knowledge);
    assert.equal(league.status === 'ok' && league.unit.kind, '群团组织');
  });
});

describe('department lists: outdated names at every level prefix', () => {
  const cases: Array<[string, string, string]> = [
    ['市卫生计生委', '乳山市', '市卫生健康局'],
    ['县卫生计生委', '平阴县', '县卫生健康局'],
    ['区安监局', '兖州区', '区应急管理局'],
    ['市环保局', '乳山市', '威海市生态环境局乳山分局'],
    ['区环境保护局', '兖州区', '区生态环境分局'],
    ['市文化广电新闻出版局', '威海市', '市文化和旅游局'],
    ['市国土资源局', '威海市', '市自然资源和规划局'],
    ['县农业局', '平阴县', '县农业农村局'],
    ['市食药监局', '威海市', '市市场监督管理局'],
    ['市卫生计生委', '淄博市', '市卫生健康委'],
  ];
  for (const [old, j, successor] of cases) {
    it(`${old} in ${j} → ${successor}`, () => {
      const r = resolveUnit(old, list(j), knowledge);
      assert.equal(r.status, 'outdated');
      assert.equal(r.status === 'outdated' && r.successor?.forms[0], successor);
    });
  }
});

describe('department lists: which list applies', () => {
  const choose = (text: string, setting = '') => chooseList(parseDocument('mem://x', text), knowledge, setting);

  it('infers each seed\'s jurisdiction from its issuing organ', () => {
    for (const [seed, j] of [['000', '乳山市'], ['001', '兖州区'], ['002', '威海市'], ['003', '淄博市'], ['004', '平阴县']] as const) {
      const c = choose(readSeed(seed));
      assert.equal(c?.list.jurisdiction, j, seed);
      assert.equal(c?.certain, true);
    }
  });

  it('infers from the 文号 prefix when no issuing organ is found', () => {
    for (const [num, j] of [['乳政发〔2022〕6号', '乳山市'], ['平政字〔2022〕21号', '平阴县'], ['济兖政字〔2022〕14号', '兖州区'], ['淄政办发〔2016〕10号', '淄博市'], ['威科字〔2024〕8号', '威海市']]) {
      const c = choose(`${num}\n\n关于印发某方案的通知\n`);
      assert.equal(c?.list.jurisdiction, j, num);
      assert.match(c!.reason, /发文字号/);
    }
  });

  it('falls back on the units\' 县/区 prefix, but only as an uncertain guess', () => {
    const c = choose('一、任务\n1.开展活动。（县委宣传部、县科协按职责分工负责）\n2.开展培训。（县教体局、县科协按职责分工负责）\n');
    assert.equal(c?.list.jurisdiction, '平阴县');
    assert.equal(c?.certain, false);
    assert.equal(choose('一、任务\n1.开展活动。（市委宣传部、市科协按职责分工负责）\n'), undefined, '市 is ambiguous');
  });

  it('the setting wins', () => {
    assert.equal(choose(readSeed('000'), '威海市')?.list.jurisdiction, '威海市');
  });
});

describe('department lists: a user\'s own list', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  function workspace(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-units-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return dir;
  }

  it('replaces the bundled list of its jurisdiction (path relative to gongwen.json)', () => {
    const own = { jurisdiction: '乳山市', prefix: '市', units: [{ name: '乳山市海事发展局', forms: ['市海事发展局'], kind: '政府部门' }] };
    const dir = workspace({ 'units.json': JSON.stringify(own) });
    const { knowledge: k, warnings } = loadKnowledge({ departments: 'units.json' }, dir);
    assert.deepEqual(warnings, []);
    const rushan = k.departments.lists.find((l) => l.jurisdiction === '乳山市')!;
    assert.equal(resolveUnit('市海事发展局', rushan, k.departments).status, 'ok');
    assert.equal(resolveUnit('市教体局', rushan, k.departments).status, 'unknown');
  });

  it('extends it with "mode": "extend"', () => {
    const own = { jurisdiction: '乳山市', prefix: '市', mode: 'extend', units: [{ name: '乳山市海事发展局', forms: ['市海事发展局'], kind: '政府部门' }] };
    const dir = workspace({ 'units.json': JSON.stringify(own) });
    const k = loadKnowledge({ departments: 'units.json' }, dir).knowledge.departments;
    const rushan = k.lists.find((l) => l.jurisdiction === '乳山市')!;
    assert.equal(resolveUnit('市海事发展局', rushan, k).status, 'ok');
    assert.equal(resolveUnit('市教体局', rushan, k).status, 'ok');
  });

  it('a user\'s list is in its office\'s canonical order unless it says "order": "sequence"', () => {
    // This office lists 市科协 before 市教体局 (say its 机构改革方案 does); the default sequence does not.
    const units = [
      { name: '中共乳山市委宣传部', forms: ['市委宣传部'], kind: '党委部门' },
      { name: '乳山市科学技术协会', forms: ['市科协'], kind: '群团组织' },
      { name: '乳山市教育和体育局', forms: ['市教体局'], kind: '政府部门' },
    ];
    const text = '乳政发〔2022〕6号\n\n一、行动\n（一）青少年\n1.开展活动。做好宣传。（市委宣传部、市教体局、市科协按职责分工负责）\n2.开展竞赛。做好组织。（市委宣传部、市科协、市教体局按职责分工负责）\n';
    const orderFindings = (own: object) => {
      const dir = workspace({ 'units.json': JSON.stringify(own) });
      const { knowledge: k, warnings } = loadKnowledge({ departments: 'units.json' }, dir);
      assert.deepEqual(warnings, []);
      const svc = createLanguageService({ knowledge: { ...bundledKnowledge(), departments: k.departments } });
      return svc.diagnostics(svc.parse('mem://x.gw', text)).filter((d) => d.code === 'unit-order').map((d) => d.range.start.line + 1);
    };
    assert.deepEqual(orderFindings({ jurisdiction: '乳山市', prefix: '市', docNumberPrefixes: ['乳'], units }), [5]);
    assert.deepEqual(orderFindings({ jurisdiction: '乳山市', prefix: '市', docNumberPrefixes: ['乳'], order: 'sequence', units }), [6]);
  });

  it('a malformed list gives one warning naming file, line and fault; the bundled lists stay', () => {
    const broken = '{\n  "jurisdiction": "乳山市",\n  "prefix": "市",\n  "units": [\n    { "name": "乳山市海事发展局", "forms": ["市海事发展局"], "kind": "政府机关" }\n  ]\n}\n';
    const dir = workspace({ 'units.json': broken });
    const { knowledge: k, warnings } = loadKnowledge({ departments: 'units.json' }, dir);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /units\.json 第 5 行：单位“乳山市海事发展局”的“kind”应为 党委部门、政府部门、其他机构、群团组织 之一/);
    assert.deepEqual(k.departments, bundledDepartments());
  });

  it('a JSON syntax error names its line', () => {
    const dir = workspace({ 'units.json': '{\n  "jurisdiction": "乳山市",\n  "prefix": "市"\n  "units": []\n}\n' });
    const { warnings } = loadKnowledge({ departments: 'units.json' }, dir);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /units\.json 第 4 行：不是有效的 JSON（此处应为逗号或“}”）/);
  });

  it('a missing file is one warning too', () => {
    const dir = workspace({});
    const { warnings, knowledge: k } = loadKnowledge({ departments: 'nope.json' }, dir);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /nope\.json：无法读取责任单位名录（ENOENT）/);
    assert.equal(k.departments.lists.length, 5);
  });
});
