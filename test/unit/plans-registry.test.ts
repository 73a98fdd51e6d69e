/** The bundled plan registry, its schema, the user's own entries and the upper links of gongwen.json. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundledPlans } from '../../server/src/knowledge/plans';
import { validateRegistry } from '../../server/src/knowledge/plans/registry';
import { globMatches, uriPath } from '../../server/src/knowledge/plans/paths';
import { periodOfTitle, metricKey } from '../../server/src/knowledge/plans/titles';
import { loadUserPlans, upperLinks, withUpperFiles } from '../../server/src/io/plans';
import { parseProjectConfig } from '../../server/src/config';
import { ROOT } from './helpers';

const registry = JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds', 'plans', 'registry.json'), 'utf8'));
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'plans.schema.json'), 'utf8'));

describe('plans: the bundled registry', () => {
  it('every entry is valid and ids are unique', () => {
    const { entries, problems } = validateRegistry(registry);
    assert.deepEqual(problems, []);
    assert.equal(entries.length, registry.plans.length);
    assert.equal(new Set(entries.map((e) => e.id)).size, entries.length);
  });

  it('the schema names exactly the fields the validator reads', () => {
    const item = schema.properties.plans.items;
    assert.deepEqual(Object.keys(item.properties).sort(), ['date', 'docNumber', 'id', 'issuer', 'level', 'period', 'shortTitles', 'targets', 'title']);
    assert.deepEqual(Object.keys(item.properties.targets.items.properties).sort(), ['comparator', 'metric', 'unit', 'value', 'year']);
  });

  it('holds the facts of GUIDE.md', () => {
    const byNumber = new Map(bundledPlans().entries.map((e) => [e.docNumber, e]));
    const national = byNumber.get('国发〔2021〕9号')!;
    assert.equal(national.title, '全民科学素质行动规划纲要（2021—2035年）');
    assert.deepEqual(national.targets.map((t) => [t.year, t.comparator, t.value]), [[2025, '>', 15], [2035, '>=', 25]]);
    assert.equal(byNumber.get('国发〔2006〕7号')!.title, '全民科学素质行动计划纲要（2006—2010—2020年）');
    assert.deepEqual(byNumber.get('国办发〔2016〕10号')!.targets.map((t) => [t.year, t.value]), [[2020, 10]]);
    assert.deepEqual(byNumber.get('鲁政发〔2021〕25号')!.targets.map((t) => [t.year, t.value]), [[2025, 16]]);
    assert.ok(byNumber.get('鲁政办发〔2016〕19号'));
    assert.equal(byNumber.get('济政发〔2022〕17号')!.level, 'city');
    const weihai = bundledPlans().entries.find((e) => e.title.startsWith('威海市'))!;
    assert.deepEqual(weihai.targets.map((t) => [t.year, t.value]), [[2025, 17]]);
  });

  it('rejects malformed entries one by one, naming them', () => {
    const { entries, problems } = validateRegistry({ plans: [{ id: 'a', title: 'T', level: 'galaxy' }, { id: 'b', title: 'U', level: 'city', targets: [{ metric: 'm', year: 2025, comparator: '<', value: 1, unit: '%' }] }, { id: 'c', title: 'V', level: 'county' }] });
    assert.deepEqual(entries.map((e) => e.id), ['c']);
    assert.deepEqual(problems, ['plans[0]: level', 'plans[1]: target.comparator']);
  });
});

describe('plans: titles and paths', () => {
  it('reads a period from （2021—2025年）, (2016-2020 年) and “十四五”', () => {
    assert.deepEqual(periodOfTitle('乳山市全民科学素质行动规划纲要实施方案（2021—2025年）'), [2021, 2025]);
    assert.deepEqual(periodOfTitle('淄博市全民科学素质行动计划纲要实施方案（2016-2020 年）'), [2016, 2020]);
    assert.deepEqual(periodOfTitle('平阴县“十四五”全民科学素质行动规划纲要实施方案'), [2021, 2025]);
    assert.deepEqual(periodOfTitle('全民科学素质行动计划纲要（2006—2010—2020年）'), [2006, 2020]);
    assert.equal(periodOfTitle('关于新时代进一步加强科学技术普及工作的实施意见'), undefined);
  });

  it('treats the wordings of one metric as one', () => {
    assert.equal(metricKey('公民具备科学素质比例'), metricKey('公民具备科学素质的比例'));
    assert.equal(metricKey('公民具备基本科学素质的比例'), metricKey('公民具备科学素质的比例'));
  });

  it('matches globs against file URIs', () => {
    assert.equal(uriPath('file:///c%3A/ws/%E4%B9%B3.txt'), 'c:/ws/乳.txt');
    assert.ok(globMatches('/ws/upper/*.txt', '/ws/upper/a.txt'));
    assert.ok(!globMatches('/ws/upper/*.txt', '/ws/upper/x/a.txt'));
    assert.ok(globMatches('/ws/**/*.gw', '/ws/a/b/c.gw'));
    assert.ok(!globMatches('/ws/a.txt', '/ws/abtxt'));
  });
});

describe('plans: gongwen.json `plans` and `upper`', () => {
  it('parses the `plans` key and rejects a non-string', () => {
    assert.deepEqual(parseProjectConfig('{"plans":"plans.json"}', 'gongwen.json').config, { plans: 'plans.json' });
    assert.match(parseProjectConfig('{"plans":3}', 'gongwen.json').error ?? '', /plans/);
  });

  it('adds user entries, replaces a bundled id, and warns about a bad entry', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-plans-'));
    fs.writeFileSync(path.join(dir, 'plans.json'), JSON.stringify({ plans: [
      { id: 'weihai-2021', title: '威海市全民科学素质行动规划纲要实施方案（2021—2025年）', level: 'city', docNumber: '威政发〔2021〕99号', targets: [] },
      { id: 'rushan', title: '乳山市某方案', level: 'county' },
      { id: 'bad', level: 'city' },
    ] }));
    const warnings: string[] = [];
    const plans = loadUserPlans(bundledPlans(), { plans: 'plans.json', upper: ['up/*.txt'] }, dir, warnings);
    assert.equal(plans.entries.find((e) => e.id === 'weihai-2021')!.docNumber, '威政发〔2021〕99号');
    assert.ok(plans.entries.some((e) => e.id === 'rushan'));
    assert.ok(plans.entries.some((e) => e.id === 'national-2021'));
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /plans\[2\]: title/);
    assert.deepEqual(plans.upper.all, [path.join(dir, 'up/*.txt').replace(/\\/g, '/')]);
  });

  it('an unreadable registry file is one warning; the bundled registry stays', () => {
    const warnings: string[] = [];
    const plans = loadUserPlans(bundledPlans(), { plans: 'missing.json' }, os.tmpdir(), warnings);
    assert.equal(warnings.length, 1);
    assert.equal(plans.entries.length, bundledPlans().entries.length);
  });

  it('per-document upper mappings resolve from the folder of gongwen.json; --upper adds to all', () => {
    const links = upperLinks({ upper: { '000.txt': ['002.txt'] } }, '/ws');
    assert.deepEqual(links, { all: [], byDocument: [{ document: '/ws/000.txt', upper: ['/ws/002.txt'] }] });
    const plans = withUpperFiles({ ...bundledPlans(), upper: links }, ['/x/up.txt']);
    assert.deepEqual(plans.upper.all, ['/x/up.txt']);
  });
});
