/**
 * 公文：导出为 Word in a real VS Code (issue #16): code-server + Chromium as in code-server.test.ts.
 * A notice with a numbering error is exported from the command palette: VS Code asks first (a modal
 * dialog), then the save dialog takes the path, and the .docx on disk holds the GB/T 9704-2012 layout
 * with the placeholder for the missing 署名. Every wait is on DOM content or the file, never a timer.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { STARTUP_TIMEOUT, UI_TIMEOUT, Workbench } from './workbench';
import { realEditorSuite } from './suite';

const NOTICE = '测试县人民政府关于开展测试工作的通知\n\n测政发〔2024〕1号\n\n各乡镇人民政府，县政府各部门：\n\n一、总体要求\n\n做好测试工作。\n\n三、工作安排\n\n按时完成。\n';

describe('export as Word in real VS Code (code-server + Chromium)', function () {
  this.timeout(180_000);
  let workspace: string;
  let wb: Workbench;

  realEditorSuite(
    'export',
    (dir) => {
      workspace = dir;
      fs.writeFileSync(path.join(workspace, 'notice.gw'), NOTICE);
    },
    (session) => ({ wb } = session),
  );

  it('asks before exporting a document with errors, then writes the .docx where the save dialog says', async () => {
    await wb.openFile('notice.gw', '测试县人民政府', STARTUP_TIMEOUT);
    await wb.waitForLanguage('公文', STARTUP_TIMEOUT);
    // The heading gap (一、 then 三、) is an error: wait until the editor has it.
    await wb.showProblems();
    await wb.problemRow('heading-sequence', '[Ln 11').first().waitFor({ timeout: STARTUP_TIMEOUT });
    await wb.openFile('notice.gw', '测试县人民政府');

    const page = wb.page;
    await wb.dismiss();
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('>Gongwen: Export as Word');
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Export as Word' }).waitFor();
    await page.keyboard.press('Enter');

    const dialog = page.locator('.monaco-dialog-box');
    // The client's messages are Chinese (its English bundle is for an English VS Code display language only when set).
    await dialog.locator('text=仍要导出吗').waitFor({ timeout: UI_TIMEOUT });
    await wb.screenshot('export-1-asks');
    await dialog.locator('.monaco-button', { hasText: '仍然导出' }).click();

    // code-server's save dialog is a quick input holding the path.
    const target = path.join(workspace, 'exported.docx');
    const pathInput = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).waitFor({ timeout: UI_TIMEOUT });
    // The dialog proposes the document's name with .docx beside it.
    await page.waitForFunction(`document.querySelector('.quick-input-widget input')?.value === ${JSON.stringify(path.join(workspace, 'notice.docx'))}`, undefined, { timeout: UI_TIMEOUT });
    await pathInput.fill(target);
    await page.keyboard.press('Enter');
    await page.locator('.notifications-toasts', { hasText: '已导出：' }).waitFor({ timeout: UI_TIMEOUT });
    await wb.screenshot('export-2-done');

    const xml = strFromU8(unzipSync(fs.readFileSync(target))['word/document.xml']);
    assert.match(xml, /测政发〔2024〕1号/);
    assert.match(xml, /【请填写：发文机关署名】/);
    assert.match(xml, /<w:docGrid w:type="linesAndChars" w:linePitch="579"/);
  });
});
