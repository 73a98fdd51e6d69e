/**
 * The extension in a real VS Code: code-server (VS Code 1.139 with the normal Node extension host)
 * with the packaged gongwen.vsix installed, driven in headless Chromium through the workbench DOM.
 * A workspace holds seeds 002 and 003 as `.gw` files and seed 000 as a plain `.txt` notice.
 * Screenshots of each step go to test/e2e/screenshots/ (git-ignored artefacts).
 *
 * Needs scripts/setup-e2e.sh (Chromium, Node 24 and code-server in .cache/) and `npm run package`;
 * `npm run test:e2e` does both. Every wait is on DOM content, never on a timer.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { STARTUP_TIMEOUT, Workbench } from './workbench';
import { REPO } from './code-server';
import { realEditorSuite } from './suite';

function seedText(prefix: string): string {
  const name = fs.readdirSync(path.join(REPO, 'seeds')).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  assert.ok(name, `seed ${prefix} not found`);
  return fs.readFileSync(path.join(REPO, 'seeds', name), 'utf8');
}

/** A real document of test/real/docs (issue #13). */
function realText(prefix: string): string {
  const dir = path.join(REPO, 'test', 'real', 'docs');
  const name = fs.readdirSync(dir).find((f) => f.startsWith(prefix));
  assert.ok(name, `real document ${prefix} not found`);
  return fs.readFileSync(path.join(dir, name), 'utf8');
}

describe('gongwen in real VS Code (code-server + Chromium)', function () {
  this.timeout(180_000);

  let workspace: string;
  let wb: Workbench;

  function writeWorkspaceSettings(settings: object): void {
    fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
  }

  realEditorSuite(
    'ws',
    (dir) => {
      workspace = dir;
      fs.writeFileSync(path.join(workspace, 'seed-002.gw'), seedText('002'));
      fs.writeFileSync(path.join(workspace, 'seed-003.gw'), seedText('003'));
      fs.writeFileSync(path.join(workspace, 'notice-000.txt'), seedText('000'));
      fs.writeFileSync(path.join(workspace, 'banfa-013.gw'), realText('013_'));
      // notice-000.txt (乳山) implements the 威海 plan (seed 002): code lens, definition, coverage (issue #20).
      fs.writeFileSync(path.join(workspace, 'gongwen.json'), JSON.stringify({ upper: { 'notice-000.txt': ['seed-002.gw'] } }));
      writeWorkspaceSettings({});
    },
    (session) => ({ wb } = session),
  );

  it('opens seed-002.gw in the 公文 language and lists heading-style problems with their rule code', async () => {
    // The first open waits for the extension host, the extension and its server to start.
    await wb.openFile('seed-002.gw', '威海市科学技术局', STARTUP_TIMEOUT);
    await wb.waitForLanguage('公文', STARTUP_TIMEOUT);
    await wb.showProblems();
    await wb.problemRows().first().waitFor({ timeout: STARTUP_TIMEOUT });
    await wb.filterProblems('heading-style');
    // Seed 002 writes its second-level numbers (十)(十一)(十二) with ASCII parentheses, where
    // GB/T 9704-2012 7.3.3 has （十）: real defects on lines 94, 96 and 100.
    for (const at of ['[Ln 94, Col 1]', '[Ln 96, Col 1]', '[Ln 100, Col 1]']) {
      await wb.problemRow('heading-style', at).waitFor();
    }
    const row = await wb.problemRow('heading-style', '[Ln 94, Col 1]').innerText();
    assert.match(row, /二级标题序号应写作“（十）”，此处为“\(十\)”。/);
    assert.match(row, /gongwen/);
    await wb.screenshot('1-problems-seed-002');
  });

  it('lists problems of a second seed (seed-003.gw) with their rule codes', async () => {
    await wb.openFile('seed-003.gw', '淄政办发');
    await wb.waitForLanguage('公文');
    // Escape (closing Quick Open) clears a filter that still has the focus: type it again.
    await wb.filterProblems('heading-style');
    // Seed 003 mixes "1." and the full-width "1．" for third-level numbers (GB/T 9704-2012 7.3.3).
    await wb.problemRow('heading-style', '[Ln 67, Col 3]').waitFor();
    const rows = await wb.problemRows().allInnerTexts();
    assert.ok(rows.some((r) => r.includes('seed-003.gw')), rows.join('\n'));
    assert.ok(rows.some((r) => /三级标题序号多写作“1\.”，此处“1．”/.test(r)), rows.join('\n'));
    await wb.screenshot('2-problems-seed-003');
  });

  it('shows the parts in the Outline: 通知（印发） and the issued 实施意见, with the heading tree inside the part', async () => {
    await wb.openFile('seed-002.gw', '威海市科学技术局');
    await wb.showOutline();
    // Collapsed to the top level (user settings): the two parts, each with its detail.
    const cover = wb.outlineSymbol('通知（印发）');
    const issued = wb.outlineSymbol('关于新时代进一步加强科学技术普及工作的 实施意见');
    await cover.waitFor();
    await issued.waitFor();
    assert.match(await issued.innerText(), /印发的意见 · 一、（一）1.（1）编号/);
    assert.equal(await issued.getAttribute('aria-level'), '1');
    await wb.expandOutlineSymbol('关于新时代进一步加强科学技术普及工作的 实施意见');
    const third = wb.outlineSymbol('三、促进科普与科技创新协同发展');
    await third.waitFor();
    assert.equal(await third.getAttribute('aria-level'), '2');
    await wb.expandOutlineSymbol('通知（印发）');
    const docNumber = wb.outlineSymbol('发文字号');
    await docNumber.waitFor();
    assert.equal(await docNumber.getAttribute('aria-level'), '2');
    assert.match(await docNumber.innerText(), /威科字〔2024〕8号/);
    await wb.screenshot('3-outline-seed-002');
  });

  it('switches a plain-text notice (notice-000.txt) to 公文 and serves it: outline row 三、提升行动 in the issued part', async () => {
    await wb.openFile('notice-000.txt', '乳政发');
    await wb.waitForLanguage('公文');
    await wb.showOutline();
    await wb.outlineSymbol('公文').waitFor();
    await wb.expandOutlineSymbol('印发的文件');
    await wb.outlineSymbol('三、提升行动').waitFor();
    await wb.screenshot('4-plain-text-switched');
  });

  it('outlines a notice issuing five 办法 as six parts, and the breadcrumbs show part › 章 › 条 at the cursor', async () => {
    await wb.openFile('banfa-013.gw', '兰政办发');
    await wb.waitForLanguage('公文');
    await wb.showOutline();
    for (const name of ['通知（印发）', '兰州市建设项目生成管理办法（试行）', '兰州市企业投资项目审批告知承诺制管理办法（试行）']) {
      await wb.outlineSymbol(name).waitFor();
    }
    assert.equal(await wb.page.locator('.outline-pane .monaco-list-row[aria-level="1"]').count(), 6);
    await wb.expandOutlineSymbol('兰州市建设项目生成管理办法（试行）');
    await wb.outlineSymbol('第一章总则').waitFor();
    // Line 15 is 第二条 of the first 办法's 第一章.
    await wb.goToLine(15);
    const crumbs = wb.page.locator('.editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item');
    await crumbs.filter({ hasText: '第二条' }).waitFor();
    const path = (await crumbs.allInnerTexts()).map((c) => c.trim());
    assert.deepEqual(path.slice(-3).map((c) => c.slice(0, 6)), ['兰州市建设项', '第一章总则', '第二条项目生'], path.join(' › '));
    await wb.screenshot('4b-outline-parts-real-013');
  });

  it('turns a rule off through gongwen.rules in the workspace settings, and back on, without a restart', async () => {
    await wb.openFile('seed-002.gw', '威海市科学技术局');
    await wb.showProblems();
    await wb.filterProblems('heading-style');
    await wb.problemRow('heading-style', '[Ln 94, Col 1]').waitFor();

    try {
      writeWorkspaceSettings({ 'gongwen.rules': { 'heading-style': 'off' } });
      // Polled on animation frames: a DOM condition, not a timer.
      await wb.page.waitForFunction(`document.querySelectorAll('.markers-panel .monaco-list-row').length === 0`);
      await wb.screenshot('5-settings-rule-off');
    } finally {
      writeWorkspaceSettings({});
    }
    // The Problems view keeps showing "0 of N" for a filter typed before the markers came back;
    // typing the filter again shows them (a view quirk, not a server one: the rows are in the DOM).
    await wb.page.locator('.markers-panel .monaco-list-row[aria-label*="at line 94 and character 1"]').waitFor({ state: 'attached' });
    await wb.filterProblems('heading-style');
    await wb.problemRow('heading-style', '[Ln 94, Col 1]').waitFor();
    await wb.screenshot('6-settings-rule-on');
  });

  it('applies the quick fix 改为“（十）” on the (十) heading of seed 002', async () => {
    await wb.openFile('seed-002.gw', '威海市科学技术局');
    await wb.goToLine(94);
    await wb.waitForEditorText('(十)提升领导干部');
    const fix = await wb.openCodeAction('改为“（十）”');
    await wb.screenshot('7-quick-fix-menu');
    await fix.click();
    await wb.waitForEditorText('（十）提升领导干部');
    const text = await wb.editorText();
    assert.ok(!text.includes('(十)提升领导干部'), 'the ASCII form is still shown');
    // The fixed heading no longer has its problem; the next one (十一) still has.
    await wb.showProblems();
    await wb.filterProblems('heading-style');
    await wb.problemRow('heading-style', '[Ln 96, Col 1]').waitFor();
    await wb.problemRow('heading-style', '[Ln 94, Col 1]').waitFor({ state: 'detached' });
    await wb.screenshot('8-quick-fix-applied');
  });

  it('formats on save: saving applies the certain fixes, (十一) becomes （十一） (issue #20 defect 5)', async () => {
    // Does not rely on the quick-fix test before it: line 96 is (十一) whatever line 94 holds.
    await wb.openFile('seed-002.gw', '提升领导干部');
    await wb.goToLine(96);
    await wb.waitForEditorText('(十一)提升制造业');
    await wb.page.keyboard.press('Control+S');
    await wb.waitForEditorText('（十一）提升制造业');
    await wb.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
    assert.ok(fs.readFileSync(path.join(workspace, 'seed-002.gw'), 'utf8').includes('（十一）提升制造业'), 'the saved file holds the fix');
    await wb.screenshot('8b-format-on-save');
  });

  it('offers and inserts a completion (the 发文字号 snippet) in a 公文 document', async () => {
    await wb.openFile('seed-003.gw', '淄政办发');
    await wb.focusEditor();
    await wb.page.keyboard.press('Control+Home');
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.press('ArrowUp');
    await wb.page.keyboard.type('fwzh');
    await wb.page.keyboard.press('Control+Space');
    const row = wb.suggestRows().filter({ hasText: 'fwzh' }).first();
    await row.waitFor();
    await wb.screenshot('9-completion');
    await wb.page.keyboard.press('Enter');
    await wb.waitForEditorText('机关代字〔');
  });

  it('draws no unicode-highlight boxes around the U+3000 indents of a 公文 (issue #20 defect 4)', async () => {
    await wb.openFile('banfa-013.gw', '兰政办发');
    await wb.waitForEditorText('\u3000\u3000《兰州市建设项目生成');
    await wb.page.locator('.editor-group-container.active .view-line', { hasText: '\u3000\u3000《兰州市' }).first().waitFor();
    assert.equal(await wb.page.locator('.editor-group-container.active .monaco-editor .unicode-highlight').count(), 0);
    await wb.screenshot('10-no-unicode-highlight');
  });

  it('examines a .txt notice again when it is closed and opened again: still 公文 (issue #20 defect 1)', async () => {
    await wb.openFile('notice-000.txt', '乳政发');
    await wb.waitForLanguage('公文');
    await wb.closeTab('notice-000.txt');
    await wb.openFile('notice-000.txt', '乳政发');
    await wb.waitForLanguage('公文');
    await wb.showOutline();
    await wb.outlineSymbol('公文').waitFor();
    await wb.screenshot('11-reopened-txt');
  });

  it('opens a rule page rendered in the Markdown preview from the Problems view (issue #20 defect 6)', async () => {
    await wb.showProblems();
    await wb.filterProblems('heading-style');
    const row = wb.problemRows().filter({ hasText: 'heading-style' }).first();
    await row.waitFor();
    await row.locator('.code-link a, a.monaco-link', { hasText: 'heading-style' }).first().click();
    await wb.page.locator('.tabs-container .tab', { hasText: 'Preview heading-style.md' }).waitFor();
    // Rendered: the page's title is a heading of the preview's webview.
    await wb.page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame').locator('h1', { hasText: 'heading-style' }).waitFor();
    assert.equal(await wb.page.locator('.tabs-container .tab', { hasText: /^heading-style\.md/ }).count(), 0, 'no editable tab of the page');
    await wb.screenshot('12-rule-page-preview');
    await wb.closeTab('Preview heading-style.md');
  });

  it('the code lens opens the upper clause beside; coverage is a rendered preview with links and no dirty tab (issue #20 defect 3)', async () => {
    await wb.openFile('notice-000.txt', '乳政发');
    await wb.waitForLanguage('公文');
    await wb.goToLine(285);
    const lens = wb.page.locator('.editor-group-container.active .codelens-decoration a', { hasText: '↑ 威海 （十三）提升老年人科学素质' }).first();
    await lens.waitFor();
    await wb.screenshot('13-code-lens');
    await lens.click();
    await wb.page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: 'seed-002.gw' }).waitFor();
    await wb.waitForEditorText('（十三）提升老年人科学素质');
    assert.equal(await wb.page.locator('.editor-group-container').count(), 2, 'opened beside');
    await wb.screenshot('14-code-lens-opened-beside');

    await wb.openFile('notice-000.txt', '乳政发');
    await wb.command('Gongwen: Coverage of the Higher-Level Plan');
    const preview = wb.page.locator('.tabs-container .tab', { hasText: /Preview 覆盖情况-notice-000\.md/ });
    await preview.waitFor();
    // The report is rendered in the preview's webview: its table, each clause a link to its line.
    const table = wb.page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame').locator('table');
    await table.locator('a').first().waitFor();
    const links = await table.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('data-href') ?? a.getAttribute('href') ?? ''));
    assert.ok(links.some((h) => /seed-002\.gw#L\d+$/.test(h)), links.slice(0, 5).join('\n'));
    assert.ok(links.some((h) => /notice-000\.txt#L\d+$/.test(h)), links.slice(0, 5).join('\n'));
    await wb.screenshot('15-coverage-preview');
    assert.equal(await wb.page.locator('.tabs-container .tab.dirty', { hasText: '覆盖情况' }).count(), 0, 'the report is not a dirty editor');
    assert.equal(await wb.page.locator('.tabs-container .tab', { hasText: /^Untitled/ }).count(), 0, 'no Untitled editor');
    // A row's link opens the upper plan at its clause.
    await table.locator('a', { hasText: '（十三）提升老年人科学素质' }).first().click();
    await wb.page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: 'seed-002.gw' }).waitFor();
    await wb.waitForEditorText('（十三）提升老年人科学素质');
    await wb.screenshot('16-coverage-link-opened');
  });
});
