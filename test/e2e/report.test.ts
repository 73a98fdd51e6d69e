/**
 * The page of `gongwen report DIR --html OUT` (issue #19) in headless Chromium: the built CLI writes it
 * for the three-level folder of test/report/province-folder.ts, the browser opens the file with the
 * network off, and the test reads back the tree, the targets table and chart, the coverage matrices and
 * the links. Screenshots go to docs/images/ (kept in the repository, to be looked at).
 *
 * Needs Chromium (/usr/bin/chromium, from scripts/setup-e2e.sh), hence the e2e tier; `npm run test:e2e`
 * builds first.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './workbench';
import { writeLargeFolder, writeProvinceFolder } from '../report/province-folder';
import { loadDivisions } from '../../server/src/io/divisions';

const REPO = path.resolve(__dirname, '..', '..');
const IMAGES = path.join(REPO, 'docs', 'images');

describe('gongwen report: the HTML page in Chromium', function () {
  this.timeout(120_000);

  let dir: string;
  let page: Page;
  let browser: Browser | undefined;
  let html: string;

  before(async () => {
    assert.ok(fs.existsSync('/usr/bin/chromium'), 'run scripts/setup-e2e.sh first: /usr/bin/chromium is missing');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-report-e2e-'));
    writeProvinceFolder(path.join(dir, '方案'));
    html = path.join(dir, '总览', 'report.html');
    fs.mkdirSync(path.dirname(html));
    execFileSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'report', path.join(dir, '方案'), '--html', html], { encoding: 'utf8' });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, offline: true });
    page = await context.newPage();
    // Anything the page tried to fetch would be a request to somewhere other than the file itself.
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(html).href);
    assert.deepEqual(requests, [pathToFileURL(html).href], 'the page loads nothing but itself');
  });

  after(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the tree of places with each plan and the places without one', async () => {
    await page.locator('#tree').waitFor();
    assert.equal(await page.locator('#tree li[data-code="370000"] > .place').textContent(), '山东省');
    assert.equal(await page.locator('#tree li[data-code="371000"] > .plan').count(), 1);
    assert.match((await page.locator('#tree li[data-code="370826"]').textContent()) ?? '', /微山县.*无方案/);
    assert.equal(await page.locator('#tree .badge.late').count(), 2);
    fs.mkdirSync(IMAGES, { recursive: true });
    await page.screenshot({ path: path.join(IMAGES, 'report-tree.png') });
  });

  it('has the targets table with the cells below the parent and the inconsistent one marked, and the chart', async () => {
    const table = page.locator('#targets-table');
    assert.equal(await table.locator('thead th').count(), 15, 'the indicator column and 14 plans');
    const first = table.locator('tbody tr').first();
    assert.match((await first.locator('th').textContent()) ?? '', /公民具备科学素质的?比例（2025年）/);
    assert.deepEqual(await first.locator('td.below').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-file'))), ['淄博/淄博市.txt', '威海/文登区.txt']);
    assert.deepEqual(await first.locator('td.inconsistent').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-file'))), ['威海/荣成市.txt']);
    assert.match((await first.locator('td.below').first().getAttribute('title')) ?? '', /上级 山东省：达到16%/);
    const chart = page.locator('svg.chart').first();
    assert.equal(await chart.locator('rect.bar').count(), 14);
    assert.equal(await chart.locator('rect.bar.below').count(), 2);
    assert.equal(await chart.locator('line.parent-mark').count(), 14, 'every plan has a parent figure (the province: the national plan of the registry)');
    const box = await chart.boundingBox();
    assert.ok(box && box.width > 300 && box.height > 14 * 20, 'the chart is drawn at its size');
    await page.locator('#targets h2').evaluate((h) => h.scrollIntoView());
    await page.screenshot({ path: path.join(IMAGES, 'report-targets.png') });
  });

  it('has the coverage matrices, the matching clause on hover and links to the plans that exist', async () => {
    const matrices = page.locator('table.matrix');
    assert.equal(await matrices.count(), 4);
    assert.equal(await page.locator('table.matrix td.missing').count(), 6);
    const weihai = page.locator('table.matrix[data-parent="威海/威海市.txt"]');
    const elderly = weihai.locator('tr', { hasText: '老年人科学素质提升行动' }).first();
    assert.equal(await elderly.locator('td.weak[data-file="威海/环翠区.txt"]').count(), 1);
    const rushan = elderly.locator('td[data-file="威海/乳山市.txt"]');
    assert.match((await rushan.getAttribute('title')) ?? '', /^已覆盖：（四）老年人科学素质提升行动（第 \d+ 行，相似度 [01]\.\d\d）$/);
    await rushan.hover();
    // Every link to a file leads to a plan of the folder, relative to the page.
    const hrefs = await page.locator('a[href]:not([href^="#"])').evaluateAll((as) => as.map((a) => (a as unknown as { href: string }).href));
    assert.ok(hrefs.length > 100);
    for (const href of new Set(hrefs)) assert.ok(fs.existsSync(fileURLToPath(href)), `link to ${href}`);
    // In-page links reach the plan's findings.
    await page.locator('#tree li[data-code="371083"] .plan a').click();
    const rushanPlan = page.locator('details:target');
    assert.match((await rushanPlan.locator('summary').textContent()) ?? '', /乳山市/);
    assert.match((await rushanPlan.textContent()) ?? '', /逾期：期限 2022-06-30/);
    // The 威海 matrix around 环翠区's missing section, its first cell under the pointer.
    await page.locator('table.matrix td.missing').nth(2).evaluate((td) => td.scrollIntoView({ block: 'center' }));
    await page.locator('table.matrix td.missing').nth(2).hover();
    await page.screenshot({ path: path.join(IMAGES, 'report-coverage.png') });
  });
});

describe('gongwen report: the page of 300 plans stays usable in Chromium', function () {
  this.timeout(600_000); // the report of 300 plans, on a shared machine

  let dir: string;
  let browser: Browser | undefined;
  let page: Page;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-report-e2e-large-'));
    assert.equal(writeLargeFolder(path.join(dir, 'plans'), 300, [...loadDivisions().byCode.values()]), 300);
    const html = path.join(dir, 'report.html');
    execFileSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'report', path.join(dir, 'plans'), '--html', html], { encoding: 'utf8', maxBuffer: 1 << 28 });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, offline: true });
    page = await context.newPage();
    await page.goto(pathToFileURL(html).href);
  });

  after(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens on the first city, its plans only, every plan folded', async () => {
    await page.locator('#toolbar').waitFor();
    assert.equal(await page.locator('#place').inputValue(), '370100', '济南市');
    const shown = Number(await page.locator('#shown').textContent());
    assert.ok(shown > 1 && shown < 40, `${shown} plans shown`);
    // The targets table: the indicator column and the plans shown (济南's and the province's).
    assert.equal(await page.locator('#targets-table thead th:visible').count(), shown + 1);
    assert.equal(await page.locator('details[open]').count(), 0);
    assert.equal(await page.locator('details:visible').count(), shown);
    // The matrices of 济南 (its counties against it) and of the province (济南 against it).
    assert.equal(await page.locator('.matrix-block:visible').count(), 2);
    await page.screenshot({ path: path.join(IMAGES, 'report-large.png') });
  });

  it('the filter box narrows every section to the plans it matches', async () => {
    await page.locator('#place').selectOption('');
    await page.locator('#filter').fill('章丘');
    assert.equal(await page.locator('#shown').textContent(), '1');
    assert.equal(await page.locator('details:visible').count(), 1);
    assert.match((await page.locator('details:visible summary').textContent()) ?? '', /章丘区/);
    assert.equal(await page.locator('#targets-table thead th:visible').count(), 2);
    assert.equal(await page.locator('svg.chart:visible g.row:visible').count(), await page.locator('svg.chart:visible').count());
    assert.equal(await page.locator('.matrix-block:visible').count(), 1, '济南市 against which 章丘 is checked');
    // The tree keeps the places on the way to 章丘区 only.
    assert.equal(await page.locator('#tree li[data-code="370114"]').isVisible(), true);
    assert.equal(await page.locator('#tree li[data-code="370202"]').isVisible(), false);
    assert.equal(await page.locator('#tree .placeless').isVisible(), false, 'no empty list of plans without a place');
    await page.locator('#filter').fill('');
    assert.equal(await page.locator('#shown').textContent(), '300');
    await page.locator('#filter').fill('章丘');
    await page.screenshot({ path: path.join(IMAGES, 'report-filter.png') });
  });
});
