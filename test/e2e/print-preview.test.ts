/**
 * 公文：打印预览 in a real VS Code (issue #16): code-server + Chromium as in code-server.test.ts. The
 * command opens a webview beside the editor with the pages as the export lays them out: A4 pages, the
 * 版头's 标志 and the page number `— 1 —`; typing in the editor lays the pages out again; clicking a
 * line selects its text in the editor. Every wait is on DOM content, never a timer.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { STARTUP_TIMEOUT, UI_TIMEOUT, Workbench } from './workbench';
import { realEditorSuite } from './suite';
import { readSeed } from '../unit/helpers';

describe('print preview in real VS Code (code-server + Chromium)', function () {
  this.timeout(180_000);
  let wb: Workbench;

  realEditorSuite(
    'preview',
    (dir) => {
      fs.writeFileSync(path.join(dir, 'notice.gw'), readSeed('004'));
    },
    (session) => ({ wb } = session),
  );

  it('shows the pages beside the editor, follows typing, and a click on a line selects it in the text', async () => {
    const first = readSeed('004').split('\n').find((l) => l.trim())!.trim();
    await wb.openFile('notice.gw', first.slice(0, 6), STARTUP_TIMEOUT);
    await wb.waitForLanguage('公文', STARTUP_TIMEOUT);
    await wb.command('Gongwen: Print Preview');

    // A webview is an iframe holding the page's own iframe.
    const view: FrameLocator = wb.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await view.locator('.page').first().waitFor({ timeout: STARTUP_TIMEOUT });
    await view.locator('.page-number', { hasText: '— 1 —' }).waitFor({ timeout: UI_TIMEOUT });
    const status = await view.locator('#status').innerText();
    const pages = await view.locator('.page').count();
    assert.ok(pages >= 2, `${pages} pages`);
    assert.match(status, new RegExp(`共 ${pages} 页`));
    // Page 2 numbered on the left (even), page 1 on the right (odd): the page number's box sides.
    const one = await view.locator('.page-number', { hasText: '— 1 —' }).boundingBox();
    const onePage = await view.locator('.page').first().boundingBox();
    assert.ok(one && onePage && one.x - onePage.x > onePage.width / 2, 'page 1 numbered on the right');
    await view.locator('.line.logo').first().waitFor();
    await wb.screenshot('print-preview-1');
    fs.mkdirSync(path.resolve(__dirname, '..', '..', 'docs', 'images'), { recursive: true });
    await wb.page.screenshot({ path: path.resolve(__dirname, '..', '..', 'docs', 'images', 'print-preview.png') });

    // Typing: a new paragraph at the top of the body shows up in the preview.
    await wb.goToLine(1);
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.type('\n预览测试段落');
    await view.locator('.line', { hasText: '预览测试段落' }).first().waitFor({ timeout: UI_TIMEOUT });

    // A click on a body line of page 2 selects its text in the editor.
    const line = view.locator('.page').nth(1).locator('.line.linked').first();
    await line.click();
    await wb.page.locator('[id="status.editor.selection"]', { hasText: "selected)" }).waitFor({ timeout: UI_TIMEOUT });
    await wb.screenshot('print-preview-2-clicked');
  });
});
