/**
 * Drives the VS Code workbench in Chromium through its DOM, as a user would: clicks, keys, and reads
 * back what is shown. Every wait is on DOM content (playwright's waitFor*), never on a timer.
 * Selectors are VS Code's own class names (stable across recent versions; see REAL-VSCODE notes).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const SCREENSHOTS = path.resolve(__dirname, 'screenshots');

/** Chromium flags for a machine without network: without them Chromium stalls on connection attempts. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Limits for waits that end as soon as their content shows: the first load of the workbench and the
 * extension host is slow on a cold CI machine; a step inside a loaded workbench is not.
 */
export const STARTUP_TIMEOUT = 120_000;
export const UI_TIMEOUT = 20_000;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

export class Workbench {
  constructor(readonly page: Page) {}

  static async open(browser: Browser, url: string, folder: string): Promise<Workbench> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(UI_TIMEOUT);
    await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`, { timeout: STARTUP_TIMEOUT });
    await page.waitForSelector('.monaco-workbench', { timeout: STARTUP_TIMEOUT });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: STARTUP_TIMEOUT });
    return new Workbench(page);
  }

  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Closes whatever menu, widget or quick pick a previous step left open. */
  async dismiss(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Escape');
    await this.page.locator('.context-view-block').waitFor({ state: 'hidden' });
  }

  /** Opens a file with Quick Open (Ctrl+P) and waits until the editor shows `expectedText` from it. */
  async openFile(name: string, expectedText: string, timeout = UI_TIMEOUT): Promise<void> {
    await this.dismiss();
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout });
    await input.fill(name);
    // Enter picks the focused row, which follows the typed filter a little later than the list.
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).waitFor({ timeout });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: name }).waitFor({ timeout });
    await this.page
      .locator('.editor-group-container.active .monaco-editor .view-lines', { hasText: expectedText })
      .waitFor({ timeout });
  }

  /** Closes an editor by its tab's close button (no save prompt: only for tabs that are not dirty). */
  async closeTab(name: string): Promise<void> {
    await this.dismiss();
    const tab = this.page.locator('.tabs-container .tab', { hasText: name });
    await tab.hover();
    await tab.locator('.tab-actions .action-label').click();
    await tab.waitFor({ state: 'detached' });
  }

  /** The rendered lines of the active editor (only the visible part of the document). */
  editorText(): Promise<string> {
    return this.page.locator('.editor-group-container.active .monaco-editor .view-lines').innerText();
  }

  async waitForEditorText(text: string): Promise<void> {
    await this.page
      .locator('.editor-group-container.active .monaco-editor .view-lines', { hasText: text })
      .waitFor();
  }

  /** The language shown in the status bar, e.g. `公文` for the gongwen language (its first alias). */
  async waitForLanguage(label: string, timeout = UI_TIMEOUT): Promise<void> {
    await this.page.locator('[id="status.editor.mode"]', { hasText: label }).waitFor({ timeout });
  }

  /**
   * Runs a command through the command palette (F1), choosing the entry whose label is `label`. A
   * command that asks for input opens its own quick input at once, so the palette's may never be seen
   * hidden: for those, `asks` is the title of the command's own input, waited for instead.
   */
  async command(label: string, asks?: string): Promise<void> {
    await this.dismiss();
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${label}`);
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: label }).waitFor();
    await this.page.keyboard.press('Enter');
    if (asks !== undefined) await this.page.locator('.quick-input-widget .quick-input-title', { hasText: asks }).waitFor();
    else await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  async focusEditor(): Promise<void> {
    await this.command('View: Focus Active Editor Group');
    await this.page.locator('.editor-group-container.active .monaco-editor.focused').waitFor();
  }

  /** Moves the cursor to the start of a 1-based line (Go to Line). */
  async goToLine(line: number): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.page.locator('[id="status.editor.selection"]', { hasText: `Ln ${line}, Col 1` }).waitFor();
  }

  // ---- Problems panel ----

  async showProblems(): Promise<void> {
    await this.command('View: Focus Problems');
    await this.page.locator('.markers-panel').waitFor();
  }

  /** Types into the Problems filter; the filter matches message, source and code. */
  async filterProblems(text: string): Promise<void> {
    // The Output view has a filter box too; the Problems one has this placeholder.
    const input = this.page.locator('input[placeholder^="Filter (e.g. text"]');
    const badge = this.page.locator('.viewpane-filter', { has: input }).locator('.viewpane-filter-badge', { hasText: 'Showing' });
    // Typed while the view is still laying out its first rows, the text can be lost (seen once in a
    // cold start): typed again, a few times, before the test fails.
    for (let attempt = 1; ; attempt++) {
      await input.fill('');
      await input.fill(text);
      try {
        await badge.waitFor({ timeout: UI_TIMEOUT / 4 });
        return;
      } catch (e) {
        if (attempt >= 4) throw e;
      }
    }
  }

  problemRow(code: string, location: string) {
    return this.page.locator('.markers-panel .monaco-list-row', { hasText: code }).filter({ hasText: location });
  }

  problemRows() {
    return this.page.locator('.markers-panel .monaco-list-row');
  }

  // ---- Outline ----

  /**
   * Shows the Outline with the room of the whole side bar: the panel is closed and the folder
   * section collapsed, because the tree only renders the rows that fit (user settings collapse
   * the outline to its top level).
   */
  async showOutline(): Promise<void> {
    if (await this.page.locator('.part.panel').isVisible()) await this.command('View: Hide Panel');
    await this.command('Explorer: Focus on Outline View');
    await this.page.locator('.outline-pane').waitFor();
    const foldersHeader = this.page.locator('.explorer-viewlet .pane-header[aria-label^="Explorer Section"]');
    if ((await foldersHeader.getAttribute('aria-expanded')) === 'true') await foldersHeader.click();
    await this.page.locator('.explorer-viewlet .pane-header[aria-label^="Explorer Section"][aria-expanded="false"]').waitFor();
  }

  outlineRow(name: string) {
    return this.page.locator('.outline-pane .monaco-list-row', { hasText: name });
  }

  /** The Outline row whose symbol name is exactly `name` (not a row whose detail mentions it). */
  outlineSymbol(name: string, state = '') {
    const exact = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    return this.page.locator(`.outline-pane .monaco-list-row${state}`, { has: this.page.locator('.label-name', { hasText: exact }) });
  }

  /** Expands a collapsed Outline row (the user settings collapse the outline to its top level) by its twistie. */
  async expandOutlineSymbol(name: string): Promise<void> {
    const row = this.outlineSymbol(name);
    await row.waitFor();
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
    await this.outlineSymbol(name, '[aria-expanded="true"]').waitFor();
  }

  // ---- Suggestions and quick fixes ----

  suggestRows() {
    return this.page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
  }

  codeActionRow(title: string) {
    return this.page.locator('.action-widget .monaco-list-row', { hasText: title });
  }

  /**
   * Opens the quick-fix menu (Ctrl+.) at the cursor until it lists `title`. The menu lists what the
   * editor knew when the key was pressed; on a loaded machine the markers of a just re-published
   * version may arrive a moment later, and the menu then says "No code actions". A closed menu is
   * asked again, a few times, before the test fails.
   */
  async openCodeAction(title: string, attempts = 4): Promise<Locator> {
    const row = this.codeActionRow(title);
    for (let i = 1; ; i++) {
      await this.page.keyboard.press('Control+.');
      try {
        await row.waitFor({ timeout: UI_TIMEOUT / attempts });
        return row;
      } catch (e) {
        if (i >= attempts) throw e;
        await this.page.keyboard.press('Escape');
      }
    }
  }
}
