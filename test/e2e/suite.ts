/**
 * The life of a real-editor suite, written once: a temporary workspace the suite fills, code-server
 * serving it with the packaged extension, Chromium on the workbench; on a failed test a screenshot and
 * code-server's log named after the suite; afterwards all of it stopped and the workspace removed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { missingPrerequisites, startCodeServer, type CodeServer } from './code-server';
import { launchBrowser, SCREENSHOTS, Workbench } from './workbench';

export interface EditorSession {
  workspace: string;
  server: CodeServer;
  wb: Workbench;
}

/**
 * Registers the suite's before/after/afterEach hooks (call it inside `describe`). `fill` writes the
 * workspace's files before the editor starts; `bind` hands the session to the suite's own variables.
 */
export function realEditorSuite(name: string, fill: (workspace: string) => void | Promise<void>, bind: (session: EditorSession) => void): void {
  let workspace: string | undefined;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let wb: Workbench | undefined;

  before(async function () {
    const missing = missingPrerequisites();
    assert.deepEqual(missing, [], `run scripts/setup-e2e.sh and npm run package first; missing: ${missing.join(', ')}`);
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), `gongwen-e2e-${name}-`));
    await fill(workspace);
    server = await startCodeServer(workspace);
    browser = await launchBrowser();
    wb = await Workbench.open(browser, server.url, workspace);
    bind({ workspace, server, wb });
  });

  after(async function () {
    // Each of these is needed for the next run; the browser goes first, then code-server by its pid.
    await browser?.close();
    await server?.stop();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  afterEach(async function () {
    // On failure, keep what the workbench showed and what code-server logged.
    if (this.currentTest?.state !== 'failed') return;
    await wb?.screenshot(`${name}-failed-${this.currentTest.title.replace(/[^\w一-龥]+/g, '-').slice(0, 60)}`);
    if (server) fs.writeFileSync(path.join(SCREENSHOTS, `${name}-code-server.log`), server.log());
  });
}
