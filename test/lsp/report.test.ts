/**
 * The province overview in the editor (issue #19, `gongwen.server.report`): the built server reads a
 * folder with the CLI's code and answers with the webview's page, the page to save, the CSV and the
 * JSON; the JSON is the one `gongwen report DIR --json` prints. Progress comes on the request's
 * work-done token, a cancelled request stops, and in Restricted Mode the folder is still read.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CancellationTokenSource, ExecuteCommandRequest, WorkDoneProgress, type WorkDoneProgressReport } from 'vscode-languageserver-protocol/node';
import { main } from '../../server/src/cli/main';
import { loadDivisions } from '../../server/src/io/divisions';
import { writeLargeFolder, writeProvinceFolder } from '../report/province-folder';
import { perTest, type TestClient } from './client';

const NONCE = 'a1B2c3D4e5F6g7H8i9J0k1L2';

interface Answer {
  html?: string;
  page?: string;
  csv?: string;
  json?: string;
  plans?: number;
  error?: string;
  cancelled?: boolean;
}

describe('LSP: the report of a folder (gongwen.server.report)', function () {
  this.timeout(180_000); // 14 plans read and analysed by the server on a shared machine
  let workspace: string;
  let folder: string;
  let cli: unknown;
  const each = perTest();
  let client: TestClient | undefined;

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-lsp-report-'));
    folder = path.join(workspace, '方案');
    writeProvinceFolder(folder);
    let out = '';
    assert.equal(main(['report', folder, '--json'], { out: (s) => (out += s), err: () => undefined, colour: false }, '0.0.0'), 0);
    cli = JSON.parse(out);
  });
  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  const report = (args: unknown[], workDoneToken?: string, token?: CancellationTokenSource) =>
    client!.connection.sendRequest(ExecuteCommandRequest.type, { command: 'gongwen.server.report', arguments: args, ...(workDoneToken ? { workDoneToken } : {}) }, token?.token) as Promise<Answer>;

  it('answers with the CLI\'s report, the page for the webview (its CSP, its nonce), the page to save and the CSV, with progress', async () => {
    client = each.start({ workspace });
    const init = await client.initialize();
    assert.ok(init.capabilities.executeCommandProvider?.commands.includes('gongwen.server.report'));
    const progress: WorkDoneProgressReport[] = [];
    let ended = false;
    client.connection.onProgress(WorkDoneProgress.type, 'report-1', (value) => {
      if (value.kind === 'report') progress.push(value);
      if (value.kind === 'end') ended = true;
    });
    const answer = await report([pathToFileURL(folder).href, { nonce: NONCE }], 'report-1');
    assert.equal(answer.error, undefined);
    assert.deepEqual(JSON.parse(answer.json!), cli, 'the JSON of gongwen report DIR --json');
    assert.equal(answer.plans, 14);
    // The webview's page: only its own script runs, nothing is fetched.
    assert.match(answer.html!, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'nonce-a1B2c3D4e5F6g7H8i9J0k1L2'">/);
    assert.equal((answer.html!.match(/<script(?! type="application\/json")[^>]*>/g) ?? []).join(), `<script nonce="${NONCE}">`);
    assert.match(answer.html!, /data-save="csv"/);
    // Its links to plans name the file and the line, for the extension to open.
    assert.match(answer.html!, /<a href="[^"]*" data-file="威海\/乳山市\.txt" data-line="\d+" data-character="\d+">/);
    // The page to save: no CSP of the webview, links to the plans as file URLs that exist.
    assert.doesNotMatch(answer.page!, /Content-Security-Policy|data-save=/);
    const links = [...answer.page!.matchAll(/href="(file:[^"#]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    assert.ok(links.length > 100);
    for (const link of new Set(links)) assert.ok(fs.existsSync(fileURLToPath(link)), link);
    assert.match(answer.csv!, /^\ufeff指标,年份,山东省,/);
    assert.ok(progress.length > 0 && ended, `progress reported (${progress.length}) and ended (${ended})`);
    assert.ok(progress.every((p, i) => i === 0 || (p.percentage ?? 0) >= (progress[i - 1].percentage ?? 0)));
  });

  it('refuses what is not a local folder, and a request without a usable nonce', async () => {
    client = each.start({ workspace });
    await client.initialize();
    assert.match((await report(['https://example.com/plans', { nonce: NONCE }])).error ?? '', /只能读取本地文件/);
    assert.match((await report([pathToFileURL(path.join(folder, '山东省.txt')).href, { nonce: NONCE }])).error ?? '', /report 需要一个文件夹/);
    assert.match((await report([pathToFileURL(path.join(workspace, 'missing')).href, { nonce: NONCE }])).error ?? '', /找不到该文件或文件夹/);
    assert.ok((await report([pathToFileURL(folder).href, { nonce: '"><script>' }])).error);
  });

  it('stops when the request is cancelled', async () => {
    // A folder whose report takes seconds (60 plans: ~2 s for the CLI), so the cancel sent at the first
    // progress report reaches the server while it still reads. With the 14 plans the server could finish
    // within one 100 ms slice of that report, before it looked at its input again (CI, stop 27).
    // In a folder of this test's own, removed after it: in the workspace it would sit among the files every later server reads.
    const large = path.join(each.folder(), '大');
    assert.equal(writeLargeFolder(large, 60, [...loadDivisions().byCode.values()]), 60);
    client = each.start({ workspace });
    await client.initialize();
    const source = new CancellationTokenSource();
    client.connection.onProgress(WorkDoneProgress.type, 'report-2', (value) => {
      if (value.kind === 'report') source.cancel();
    });
    const answer = await report([pathToFileURL(large).href, { nonce: NONCE }], 'report-2', source).catch((err: Error) => ({ error: err.message }) as Answer);
    assert.ok(answer.cancelled === true || /cancel/i.test(answer.error ?? ''), JSON.stringify(answer).slice(0, 200));
    assert.equal(answer.json, undefined);
    // The server answers the next request at once.
    assert.match((await report(['https://example.com/x', { nonce: NONCE }])).error ?? '', /只能读取本地文件/);
  });

  it('in Restricted Mode still reads the folder, with gongwen.json\'s deadline (a date, no path)', async () => {
    client = each.start({ workspace, initializationOptions: { trusted: false } });
    await client.initialize();
    const answer = await report([pathToFileURL(folder).href, { nonce: NONCE }]);
    const json = JSON.parse(answer.json!) as { plans: Array<{ file: string; late?: { source: { kind: string } } }> };
    assert.deepEqual(json, cli);
    assert.equal(json.plans.find((p) => p.file === '淄博/临淄区.txt')!.late!.source.kind, 'config');
  });
});
