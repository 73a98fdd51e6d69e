/**
 * What a drafter touches in a real VS Code (issue #20), each step asserting on what the editor shows:
 * the status-bar item (genre and findings, a click opens Problems), fix-all from the quick-fix menu,
 * the suppression quick fix that writes gongwen.json, go to definition into the upper document, find
 * references from the upper clause, unit completion in a 牵头单位 list, and 新建实施方案 end to end.
 * code-server with the packaged gongwen.vsix, driven in headless Chromium (test/e2e/workbench.ts).
 * Screenshots of each step go to test/e2e/screenshots/ (`editor-*`); the key ones are kept in docs/images/.
 * Every wait is on DOM content, never on a timer.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from './code-server';
import { SCREENSHOTS, STARTUP_TIMEOUT, Workbench } from './workbench';
import { realEditorSuite } from './suite';
import { generateSkeleton } from '../../server/src/drafting/skeleton';
import { parentPlans } from '../../server/src/drafting/parents';
import { bundledPlans } from '../../server/src/knowledge/plans';
import { bundledDepartments } from '../../server/src/knowledge/departments';

function seedText(prefix: string): string {
  const name = fs.readdirSync(path.join(REPO, 'seeds')).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  assert.ok(name, `seed ${prefix} not found`);
  return fs.readFileSync(path.join(REPO, 'seeds', name), 'utf8');
}

describe('gongwen in real VS Code: what a drafter touches (issue #20)', function () {
  this.timeout(180_000);

  let workspace: string;
  let wb: Workbench;

  /** The findings `gongwen lint` reports for a file of the workspace, by severity (the editor must show the same). */
  function lintCounts(file: string): { error: number; warning: number } {
    const run = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'lint', '--format', 'json', file], { cwd: workspace, encoding: 'utf8' });
    const [result] = JSON.parse(run.stdout) as Array<{ diagnostics: Array<{ severity: string }> }>;
    const count = (s: string) => result.diagnostics.filter((d) => d.severity === s).length;
    return { error: count('error'), warning: count('warning') };
  }

  /** A small picture of one part of the workbench, for the walkthrough pages (docs/walkthrough, shipped in the .vsix). */
  async function clip(name: string, locator: ReturnType<Workbench['page']['locator']>, pad = 12, maxHeight = 360): Promise<void> {
    const box = await locator.first().boundingBox();
    assert.ok(box, `${name}: nothing to picture`);
    const x = Math.max(0, box.x - pad);
    const y = Math.max(0, box.y - pad);
    const clipBox = { x, y, width: Math.min(1400 - x, box.width + 2 * pad), height: Math.min(1000 - y, box.height + 2 * pad, maxHeight) };
    await wb.page.screenshot({ path: path.join(SCREENSHOTS, `walkthrough-${name}.png`), clip: clipBox });
  }

  const statusItem = () => wb.page.locator('.statusbar-item', { has: wb.page.locator('[aria-label*="个错误，"]') });

  realEditorSuite(
    'editor',
    (dir) => {
      workspace = dir;
      fs.writeFileSync(path.join(workspace, 'seed-002.gw'), seedText('002'));
      fs.writeFileSync(path.join(workspace, 'weihai.gw'), seedText('002'));
      fs.writeFileSync(path.join(workspace, 'upper-002.gw'), seedText('002'));
      fs.writeFileSync(path.join(workspace, 'notice-000.txt'), seedText('000'));
      // notice-000.txt (乳山) implements the 威海 document: definition and references.
      fs.writeFileSync(path.join(workspace, 'gongwen.json'), `${JSON.stringify({ upper: { 'notice-000.txt': ['upper-002.gw'] } }, null, 2)}\n`);
    },
    (session) => ({ wb } = session),
  );

  it('the status bar shows the genre and the findings lint counts; a click opens the Problems view', async () => {
    await wb.openFile('seed-002.gw', '威海市科学技术局', STARTUP_TIMEOUT);
    await wb.waitForLanguage('公文', STARTUP_TIMEOUT);
    const { error, warning } = lintCounts('seed-002.gw');
    assert.ok(warning > 0);
    const label = `通知（印发） · 实施意见，${error} 个错误，${warning} 个警告`;
    await wb.page.locator(`.statusbar-item [aria-label="${label}"], .statusbar-item[aria-label="${label}"]`).first().waitFor({ timeout: STARTUP_TIMEOUT });
    if (await wb.page.locator('.part.panel').isVisible()) await wb.command('View: Hide Panel');
    await wb.page.locator('.part.panel').waitFor({ state: 'hidden' });
    await wb.screenshot('editor-status-bar');
    // The item itself, for the README and the walkthrough.
    const box = await statusItem().boundingBox();
    assert.ok(box);
    await wb.page.screenshot({ path: path.join(SCREENSHOTS, 'editor-status-bar-item.png'), clip: { x: 0, y: box.y - 8, width: Math.min(1400, box.x + box.width + 140), height: box.height + 16 } });
    await statusItem().click();
    await wb.page.locator('.markers-panel').waitFor();
    await wb.problemRow('heading-style', '[Ln 94, Col 1]').waitFor();
    await wb.screenshot('editor-problems');
    await clip('problems', wb.page.locator('.part.panel'), 0, 260);
  });

  it('fix-all from the quick-fix menu fixes every heading-style finding at once, and the status bar follows', async () => {
    await wb.openFile('seed-002.gw', '威海市科学技术局');
    await wb.goToLine(94);
    await wb.waitForEditorText('(十)提升领导干部');
    const all = await wb.openCodeAction('修复本文中全部“heading-style”问题（3 处）');
    await wb.screenshot('editor-quick-fix-menu');
    await all.click();
    await wb.waitForEditorText('（十）提升领导干部');
    await wb.showProblems();
    await wb.filterProblems('heading-style');
    for (const at of ['[Ln 94, Col 1]', '[Ln 96, Col 1]', '[Ln 100, Col 1]']) {
      await wb.problemRow('heading-style', at).waitFor({ state: 'detached' });
    }
    const { error, warning } = lintCounts('seed-002.gw');
    await wb.page.locator(`[aria-label="通知（印发） · 实施意见，${error} 个错误，${warning - 3} 个警告"]`).first().waitFor();
    await wb.screenshot('editor-fix-all');
  });

  it('在本文件中忽略此项 writes the entry to gongwen.json (not the document), and the finding disappears', async () => {
    await wb.openFile('weihai.gw', '威海市科学技术局');
    await wb.showProblems();
    await wb.filterProblems('heading-style');
    // seed-002.gw's heading-style findings are fixed: the rows left are weihai.gw's.
    await wb.problemRow('heading-style', '[Ln 94, Col 1]').waitFor();
    await wb.goToLine(94);
    const ignore = await wb.openCodeAction('在本文件中忽略此项');
    await wb.codeActionRow('在本文件中关闭规则 heading-style').waitFor();
    await wb.screenshot('editor-suppress-menu');
    await clip('quick-fix', wb.page.locator('.action-widget'), 40);
    await ignore.click();
    // The entry is in gongwen.json, saved (client/src/saveProjectConfig.ts), and the server has read it.
    await wb.page.locator('.tabs-container .tab.dirty', { hasText: 'gongwen.json' }).waitFor({ state: 'detached' });
    await wb.openFile('weihai.gw', '(十)提升领导干部');
    await wb.showProblems();
    await wb.filterProblems('heading-style');
    await wb.problemRow('heading-style', '[Ln 94, Col 1]').waitFor({ state: 'detached' });
    await wb.problemRow('heading-style', '[Ln 96, Col 1]').waitFor();
    const config = JSON.parse(fs.readFileSync(path.join(workspace, 'gongwen.json'), 'utf8'));
    assert.deepEqual(config.ignore, [{ file: 'weihai.gw', rule: 'heading-style', text: '(十)', occurrence: 1 }]);
    assert.deepEqual(config.upper, { 'notice-000.txt': ['upper-002.gw'] }, 'the rest of gongwen.json is kept');
    await wb.waitForEditorText('(十)提升领导干部');
    assert.equal(fs.readFileSync(path.join(workspace, 'weihai.gw'), 'utf8'), seedText('002'), 'the document is not changed');
    await wb.screenshot('editor-suppressed');
  });

  it('hover on a body line of a clause of the 乳山 plan shows the matching clause of the upper document', async () => {
    await wb.openFile('notice-000.txt', '乳政发');
    await wb.waitForLanguage('公文');
    // Line 285 is the body of （七）老年人科学素质提升行动, not its heading: the hover answers on every line of a clause.
    await wb.goToLine(285);
    await wb.command('Show or Focus Hover');
    const hover = wb.page.locator('.monaco-hover', { hasText: '（十三）提升老年人科学素质' });
    await hover.waitFor();
    await wb.screenshot('editor-hover');
    await wb.dismiss();
    // Back to the top, where the next test finds the file by its 文号.
    await wb.goToLine(1);
  });

  it('go to definition (F12) on a clause of the 乳山 plan opens the matching clause of the upper document', async () => {
    await wb.openFile('notice-000.txt', '乳政发');
    await wb.waitForLanguage('公文');
    // Line 285 is the body of （七）老年人科学素质提升行动, under its heading.
    await wb.goToLine(285);
    await wb.page.keyboard.press('F12');
    await wb.page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: 'upper-002.gw' }).waitFor();
    await wb.waitForEditorText('（十三）提升老年人科学素质');
    await wb.screenshot('editor-definition');
    await clip('definition', wb.page.locator('.editor-group-container.active .view-line', { hasText: '（十三）提升老年人科学素质' }), 60, 200);
  });

  it('find references (Shift+F12) on the upper clause lists the clause of notice-000.txt that implements it', async () => {
    // The cursor stands on the clause F12 revealed.
    await wb.page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: 'upper-002.gw' }).waitFor();
    await wb.page.keyboard.press('Shift+F12');
    const peek = wb.page.locator('.peekview-widget');
    await peek.waitFor();
    // The 乳山 clause under the cursor's 威海 clause: （四）老年人科学素质提升行动 of notice-000.txt (with one file
    // only, the peek names it in its title and lists the references themselves).
    await peek.locator('.monaco-list-row', { hasText: '（四）老年人科学素质提升行动' }).first().waitFor();
    const refs = await peek.locator('.monaco-list-row').allInnerTexts();
    assert.ok(refs.some((r) => r.includes('notice-000.txt')) || (await peek.locator('.peekview-title').innerText()).includes('notice-000.txt'), refs.join('\n'));
    await wb.screenshot('editor-references');
    await wb.dismiss();
  });

  it('completes a unit inside a 牵头单位 list from the jurisdiction\'s names (pinyin initials kx → 市科协)', async () => {
    // Still at the clause F12 started from.
    await wb.openFile('notice-000.txt', '老年人');
    await wb.focusEditor();
    await wb.page.keyboard.press('Control+End');
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.insertText('1.开展科普活动。（牵头单位：');
    await wb.page.keyboard.type('kx');
    await wb.page.keyboard.press('Control+Space');
    const row = wb.suggestRows().filter({ hasText: '市科协' }).first();
    await row.waitFor();
    await wb.screenshot('editor-completion-units');
    await wb.page.keyboard.press('Enter');
    await wb.waitForEditorText('（牵头单位：市科协');
  });

  it('公文：新建实施方案 for 乳山市 preselects the 威海 and 山东 plans, and the skeleton shows placeholders only, with 威海\'s 17%', async () => {
    await wb.command('Gongwen: New Implementation Plan', '新建实施方案');
    const input = wb.page.locator('.quick-input-widget input');
    const title = (text: string) => wb.page.locator('.quick-input-widget .quick-input-title', { hasText: text }).waitFor();
    await title('新建实施方案');
    await input.fill('乳山市');
    await wb.page.keyboard.press('Enter');
    await title('发文机关');
    assert.equal(await input.inputValue(), '乳山市人民政府');
    await wb.page.keyboard.press('Enter');
    await title('发文字号');
    await wb.page.keyboard.press('Enter');
    await title('规划期');
    await wb.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: '2021—2025' }).waitFor();
    await wb.page.keyboard.press('Enter');
    await title('所依据的上级方案');
    const checked = wb.page.locator('.quick-input-list .monaco-list-row[aria-checked="true"]');
    await checked.filter({ hasText: '威海市全民科学素质行动规划纲要实施方案' }).waitFor();
    const picked = await checked.allInnerTexts();
    assert.equal(picked.length, 3, picked.join('\n'));
    assert.ok(picked.some((p) => p.includes('山东省全民科学素质行动规划纲要实施方案')), picked.join('\n'));
    assert.ok(picked.some((p) => p.includes('全民科学素质行动规划纲要（2021—2035年）')), picked.join('\n'));
    await wb.screenshot('editor-new-plan-parents');
    await clip('new-plan', wb.page.locator('.quick-input-widget'), 4);
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await wb.page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: 'Untitled' }).waitFor();
    await wb.waitForEditorText('乳山市人民政府');
    // The target line of the skeleton, where the generator puts it for these answers.
    const skeleton = generateSkeleton({
      jurisdiction: '乳山市', period: [2021, 2025], date: { year: 2024, month: 1, day: 1 },
      parents: parentPlans(bundledPlans().entries, [2021, 2025], '乳山市', bundledDepartments().lists),
    });
    const goal = skeleton.split('\n').findIndex((l) => l.startsWith('（三）工作目标'));
    await wb.goToLine(goal + 1);
    await wb.waitForEditorText('全市公民具备科学素质的比例达到17%');
    await wb.page.locator('[aria-label^="通知（印发） · 实施方案，"]').first().waitFor();
    await wb.showProblems();
    await wb.filterProblems('Untitled');
    await wb.problemRows().filter({ hasText: 'placeholder' }).first().waitFor();
    const rows = await wb.problemRows().allInnerTexts();
    const findings = rows.filter((r) => /\[Ln \d+, Col \d+\]/.test(r));
    assert.ok(findings.length >= 10, rows.join('\n'));
    assert.deepEqual(findings.filter((r) => !r.includes('placeholder')), [], 'only placeholders, no target-below-upper');
    await wb.screenshot('editor-new-plan');
  });

  it('the walkthrough (公文：从起草到印发前检查) shows its five steps; its first button opens the sample notice as 公文', async () => {
    await wb.dismiss();
    await wb.page.keyboard.press('F1');
    const input = wb.page.locator('.quick-input-widget input');
    await input.fill('>Welcome: Open Walkthrough');
    await wb.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Open Walkthrough' }).waitFor();
    await wb.page.keyboard.press('Enter');
    // Manifest strings follow VS Code's display language (English here; Chinese from package.nls.zh-cn.json).
    const ours = /Gongwen: from drafting to the check before issuance|公文：从起草到印发前检查/;
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: ours }).waitFor();
    await input.fill('Gongwen');
    await wb.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: ours }).waitFor();
    await wb.page.keyboard.press('Enter');
    const page = wb.page.locator('.gettingStartedContainer');
    for (const step of [/Open a 公文|打开一份公文/, /See the findings|查看问题/, /Fix them all|全部修复/, /Start a new plan|新建实施方案/, /Go to the higher-level plan|跳到上级方案/]) {
      await page.locator('.getting-started-step', { hasText: step }).first().waitFor();
    }
    const button = page.getByText(/^(Open a Sample Notice|打开示例公文)$/).first();
    await button.waitFor();
    await wb.screenshot('editor-walkthrough');
    await button.click();
    await wb.page.locator('.tabs-container .tab.active', { hasText: 'Untitled' }).waitFor();
    await wb.waitForEditorText('威海市科学技术局');
    await wb.waitForLanguage('公文');
    await wb.page.locator('[aria-label^="通知（印发） · 实施意见，0 个错误，"]').first().waitFor();
  });
});
