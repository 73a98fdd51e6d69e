/**
 * 公文：生成辖区总览 in real VS Code (issue #19): code-server with the packaged extension, a workspace
 * holding the three-level folder of test/report/province-folder.ts. From the explorer's context menu on
 * the folder the command builds the report in the server and shows the page in a webview: the tree of
 * places and the targets table are there, and a link to a plan opens that plan in the editor at the
 * finding's line. Every wait is on DOM content; the screenshot goes to docs/images/ (looked at).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { REPO } from './code-server';
import { STARTUP_TIMEOUT, Workbench } from './workbench';
import { realEditorSuite } from './suite';
import { writeProvinceFolder } from '../report/province-folder';

describe('公文：生成辖区总览 in real VS Code (code-server + Chromium)', function () {
  this.timeout(300_000);

  let wb: Workbench;
  let view: FrameLocator;

  realEditorSuite(
    'report',
    (dir) => {
      writeProvinceFolder(path.join(dir, 'plans'));
      fs.writeFileSync(path.join(dir, 'draft.gw'), '关于开展科普宣传活动的通知\n');
    },
    (session) => ({ wb } = session),
  );

  it('runs from the explorer context menu on a folder and shows the tree and the targets table in a webview', async () => {
    // A menu opened before the extensions are registered lacks their entries: wait for a 公文 document first.
    await wb.openFile('draft.gw', '科普宣传', STARTUP_TIMEOUT);
    await wb.waitForLanguage('公文', STARTUP_TIMEOUT);
    const row = wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'plans' }).first();
    await row.click({ button: 'right' });
    const entry = wb.page.locator('.context-view .monaco-menu .action-item', { hasText: 'Generate the Jurisdiction Overview' });
    await entry.waitFor();
    await entry.click();
    await wb.page.locator('.tabs-container .tab.active', { hasText: 'plans' }).waitFor({ timeout: STARTUP_TIMEOUT });
    view = wb.page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
    await view.locator('#tree li[data-code="370000"] > .place', { hasText: '山东省' }).waitFor({ timeout: STARTUP_TIMEOUT });
    // The page's script runs under the webview's CSP: the toolbar it shows is there.
    await view.locator('#toolbar').waitFor();
    assert.equal(await view.locator('#shown').textContent(), '14');
    assert.equal(await view.locator('#targets-table thead th').count(), 15, 'the indicator column and 14 plans');
    assert.deepEqual(await view.locator('#targets-table tbody tr').first().locator('td.below').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-file'))), ['淄博/淄博市.txt', '威海/文登区.txt']);
    assert.equal(await view.locator('#tree .badge.late').count(), 2);
    await wb.page.screenshot({ path: path.join(REPO, 'docs', 'images', 'report-webview.png') });
  });

  it('a link to a plan opens it in the editor at the finding', async () => {
    const details = view.locator('details[data-plan="威海/乳山市.txt"]');
    // Unfolded already when it has errors (a small folder); unfolded here in any case.
    await details.evaluate((d) => ((d as unknown as { open: boolean }).open = true));
    const link = details.locator('table.findings a[data-file]').first();
    const line = Number(await link.getAttribute('data-line'));
    assert.ok(line > 1);
    await link.click();
    await wb.page.locator('.tabs-container .tab.active', { hasText: '乳山市.txt' }).waitFor({ timeout: STARTUP_TIMEOUT });
    await wb.waitForEditorText('乳山市');
    // The cursor stands on the finding's line (the status bar's Ln).
    await wb.page.locator('.statusbar-item', { hasText: new RegExp(`Ln ${line},`) }).waitFor();
    await wb.screenshot('report-2-opened');
  });
});
