/**
 * Word files in real VS Code (issue #15): code-server with the packaged extension, a workspace holding
 * seed 003 as a .docx built with the `docx` library. From the explorer's context menu, 检查 Word/PDF 文件
 * opens a read-only 公文 view of it, with its problems and its outline; 转换为可编辑文本 writes the `.gw`
 * beside it and opens it. Every wait is on DOM content; screenshots go to test/e2e/screenshots/.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { STARTUP_TIMEOUT, Workbench } from './workbench';
import { REPO } from './code-server';
import { realEditorSuite } from './suite';
import { strFromU8, unzipSync } from 'fflate';
import { docxFromText } from '../office/build-docx';

function seedText(prefix: string): string {
  const name = fs.readdirSync(path.join(REPO, 'seeds')).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  assert.ok(name, `seed ${prefix} not found`);
  return fs.readFileSync(path.join(REPO, 'seeds', name), 'utf8');
}

describe('Word files in real VS Code (code-server + Chromium)', function () {
  this.timeout(180_000);

  let workspace: string;
  let wb: Workbench;

  realEditorSuite(
    'office',
    async (dir) => {
      workspace = dir;
      fs.writeFileSync(path.join(workspace, 'zibo-notice.docx'), await docxFromText(seedText('003')));
      fs.writeFileSync(path.join(workspace, 'draft.gw'), '关于开展科普宣传活动的通知\n');
    },
    (session) => ({ wb } = session),
  );

  it('opens the .docx from the explorer context menu as a read-only 公文 view with its problems', async () => {
    // A menu opened before the extension host has registered the extensions lacks their entries (and
    // stays so while open): a 公文 document shown in the 公文 language says the registry is loaded.
    await wb.openFile('draft.gw', '科普宣传', STARTUP_TIMEOUT);
    await wb.waitForLanguage('公文', STARTUP_TIMEOUT);
    const row = wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'zibo-notice.docx' });
    await row.click({ button: 'right' });
    const entry = wb.page.locator('.context-view .monaco-menu .action-item', { hasText: 'Check a Word/PDF File' });
    await entry.waitFor();
    assert.equal(await wb.page.locator('.context-view .monaco-menu .action-item', { hasText: 'Convert to Editable Text' }).count(), 1);
    await wb.screenshot('office-1-context-menu');
    await entry.click();
    // The server reads the file; the view shows its text in the 公文 language.
    await wb.page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: 'zibo-notice.docx' }).waitFor({ timeout: STARTUP_TIMEOUT });
    await wb.waitForEditorText('淄博市人民政府办公厅');
    await wb.waitForLanguage('公文', STARTUP_TIMEOUT);
    // Read-only: typing into the view is refused with the editor's own message.
    await wb.focusEditor();
    await wb.page.keyboard.type('x');
    await wb.page.locator('.editor-group-container.active .monaco-editor-overlaymessage', { hasText: /read-only/i }).waitFor();
    await wb.page.locator('.editor-group-container.active .tabs-container .tab.active.dirty').waitFor({ state: 'detached' });

    await wb.showProblems();
    await wb.problemRows().first().waitFor({ timeout: STARTUP_TIMEOUT });
    await wb.filterProblems('heading-style');
    // Seed 003 writes third-level numbers with a full-width 1． (GB/T 9704-2012 7.3.3): line 67 = paragraph 67.
    const problem = wb.problemRow('heading-style', '[Ln 67, Col 3]');
    await problem.waitFor();
    assert.match(await problem.innerText(), /三级标题序号多写作“1\.”，此处“1．”/);
    assert.ok((await wb.problemRows().allInnerTexts()).some((r) => r.includes('zibo-notice.docx')));
    await wb.screenshot('office-2-problems');
  });

  it('shows the view\'s outline: the issued 实施方案 with its headings', async () => {
    await wb.showOutline();
    const plan = '淄博市全民科学素质行动计划纲要实施方案（2016-2020 年）';
    await wb.expandOutlineSymbol(plan);
    await wb.outlineSymbol('一、总体要求').waitFor();
    await wb.outlineSymbol('二、重点任务').waitFor();
    await wb.screenshot('office-3-outline');
  });

  it('writes the findings into a copy of the .docx: comments and tracked changes, where the save dialog says', async () => {
    const page = wb.page;
    await wb.dismiss();
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('>Gongwen: Write the Findings into a Copy of the Word File');
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Write the Findings into a Copy' }).waitFor();
    await page.keyboard.press('Enter');
    // code-server's save dialog is a quick input holding the path; it proposes a name beside the file.
    await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).waitFor();
    await page.waitForFunction(`document.querySelector('.quick-input-widget input')?.value === ${JSON.stringify(path.join(workspace, 'zibo-notice（已批注）.docx'))}`);
    const target = path.join(workspace, 'annotated.docx');
    await input.fill(target);
    await page.keyboard.press('Enter');
    const toast = page.locator('.notifications-toasts', { hasText: '已写入' });
    await toast.waitFor();
    await wb.screenshot('office-4-annotated');
    const parts = unzipSync(fs.readFileSync(target));
    const comments = strFromU8(parts['word/comments.xml']);
    assert.match(comments, /规则：heading-style/);
    // Seed 003 has certain fixes (its ASCII brackets): they are tracked changes by gongwen.
    assert.match(strFromU8(parts['word/document.xml']), /<w:ins [^>]*w:author="gongwen"/);
    const shown = (await toast.innerText()).match(/已写入 (\d+) 条批注、(\d+) 处修订/);
    assert.ok(shown && Number(shown[1]) === (comments.match(/<w:comment /g) ?? []).length, await toast.innerText());
  });

  it('converts the file to an editable zibo-notice.gw beside it and opens it', async () => {
    await wb.command('Gongwen: Convert to Editable Text');
    await wb.page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: 'zibo-notice.gw' }).waitFor();
    await wb.waitForLanguage('公文');
    const written = path.join(workspace, 'zibo-notice.gw');
    assert.ok(fs.existsSync(written));
    assert.equal(fs.readFileSync(written, 'utf8').trimEnd(), seedText('003').replace(/\r\n?/g, '\n').trimEnd());
    await wb.screenshot('office-4-converted');
  });
});
