/**
 * The review report as a reader sees it (issue #15): the built CLI writes `lint --format html` for a
 * seed and a .docx made from another, and headless Chromium renders the page. Checked on the rendered
 * DOM: every finding of the JSON report is a list item under its severity, the marked characters are
 * the finding's, the rule links point at pages that exist, and the page fetches nothing. The screenshot
 * kept in docs/images/review-report.png is taken here (test/e2e/screenshots/review-report.png).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { REPO } from './code-server';
import { launchBrowser, SCREENSHOTS } from './workbench';
import { docxFromText } from '../office/build-docx';

const CLI = path.join(REPO, 'dist', 'cli.js');

function seed(prefix: string): string {
  const name = fs.readdirSync(path.join(REPO, 'seeds')).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  assert.ok(name, `seed ${prefix} not found`);
  return path.join(REPO, 'seeds', name);
}

function cli(args: string[], cwd: string): { status: number | null; stdout: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout };
}

describe('review report rendered in Chromium (lint --format html)', function () {
  this.timeout(120_000);
  let dir: string;
  let browser: Browser | undefined;

  before(async () => {
    assert.ok(fs.existsSync(CLI), 'npm run package (or build) first');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-report-'));
    // Seed 004 as text, seed 002 as a Word file: positions in the report name the Word paragraph too.
    fs.copyFileSync(seed('004'), path.join(dir, '平阴-实施方案.txt'));
    fs.writeFileSync(path.join(dir, '威海-实施意见.docx'), await docxFromText(fs.readFileSync(seed('002'), 'utf8')));
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows every finding under its severity with its paragraph, the marked characters and a working rule link', async () => {
    const files = ['威海-实施意见.docx', '平阴-实施方案.txt'];
    const html = cli(['lint', '--format', 'html', ...files], dir);
    assert.ok(html.status === 0 || html.status === 1, `exit ${html.status}`);
    const report = path.join(dir, 'report.html');
    fs.writeFileSync(report, html.stdout);
    const json = JSON.parse(cli(['lint', '--format', 'json', ...files], dir).stdout) as Array<{ file: string; diagnostics: Array<{ rule: string; severity: string; message: string }> }>;

    const page = await browser!.newPage({ viewport: { width: 1100, height: 1400 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(report).href);
    assert.equal(await page.locator('h1').innerText(), '公文检查报告');
    assert.deepEqual(requests, [pathToFileURL(report).href], 'the page fetches nothing else');

    for (const [i, file] of json.entries()) {
      const section = page.locator(`section#file-${i + 1}`);
      assert.equal(await section.locator('h2').innerText(), file.file);
      const items = section.locator('ol.findings > li');
      assert.equal(await items.count(), file.diagnostics.length, file.file);
      // Groups in severity order; within one, by rule (most findings first, then by name), each rule's findings in document order.
      const order = ['error', 'warning', 'information', 'hint'].flatMap((s) => {
        const own = file.diagnostics.filter((d) => d.severity === s);
        const count = (rule: string) => own.filter((d) => d.rule === rule).length;
        const rules = [...new Set(own.map((d) => d.rule))].sort((a, b) => count(b) - count(a) || a.localeCompare(b));
        return rules.flatMap((rule) => own.filter((d) => d.rule === rule));
      });
      const shown = await items.evaluateAll((lis) => lis.map((li) => ({ message: li.querySelector('.message')?.textContent ?? '', rule: li.querySelector('a.rule')?.textContent ?? '', mark: li.querySelector('blockquote mark')?.textContent ?? '' })));
      assert.deepEqual(shown.map((s) => `${s.rule} ${s.message}`), order.map((d) => `${d.rule} ${d.message}`));
      assert.ok(shown.every((s) => s.mark.length > 0), 'every finding has its characters marked');
    }
    // A finding in the Word file names its paragraph; the heading-style one marks the (十) it is about.
    const docx = page.locator('section#file-1 ol.findings > li', { hasText: 'heading-style' }).filter({ hasText: '（十）' }).first();
    assert.match(await docx.locator('.where').innerText(), /^第 94 段第 1 字$/);
    assert.equal(await docx.locator('mark').innerText(), '(十)');
    // Rule links open the installed rule pages.
    const hrefs = await page.locator('a.rule').evaluateAll((as) => [...new Set(as.map((a) => (a as unknown as { href: string }).href))]);
    assert.ok(hrefs.length > 3);
    for (const href of hrefs) assert.ok(fs.existsSync(fileURLToPath(href)), href);

    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-report.png') });
    await page.close();
  });

  it('over many files (worker threads of the bundle) every finding still comes with its paragraph', async () => {
    // 20 real documents: --jobs shares them out over worker threads, which compute the contexts too.
    const docs = path.join(REPO, 'test', 'real', 'docs');
    const html = cli(['lint', '--format', 'html', '--jobs', '2', docs], dir);
    const json = JSON.parse(cli(['lint', '--format', 'json', docs], dir).stdout) as Array<{ diagnostics: unknown[] }>;
    assert.ok(json.length >= 8);
    const report = path.join(dir, 'real.html');
    fs.writeFileSync(report, html.stdout);
    const page = await browser!.newPage();
    await page.goto(pathToFileURL(report).href);
    const total = json.reduce((n, f) => n + f.diagnostics.length, 0);
    assert.equal(await page.locator('section').count(), json.length);
    assert.equal(await page.locator('ol.findings > li').count(), total);
    assert.equal(await page.locator('ol.findings > li blockquote mark').count(), total);
    await page.close();
  });
});
