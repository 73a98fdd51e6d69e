/**
 * A closed upper plan changed on disk re-checks the open documents below it, over the real
 * protocol (dist/server.js on stdio): the workspace holds seeds 000 (乳山, open) and 002 (威海,
 * closed, its upper plan by gongwen.json). Rewriting, deleting and re-creating 002.txt and sending
 * `workspace/didChangeWatchedFiles` moves 乳山's target-below-upper finding. Waits are on server
 * messages only. Also: the server asks a client with dynamic registration to watch those files.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  RegistrationRequest,
  type FileSystemWatcher,
  type PublishDiagnosticsParams,
  type RegistrationParams,
} from 'vscode-languageserver-protocol/node';
import { perTest, seedPath, type TestClient } from './client';

const hasTargetBelowUpper = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === 'target-below-upper');

describe('LSP: a closed workspace document changed on disk', function () {
  this.timeout(20000);
  const each = perTest();
  let client: TestClient | undefined;
  let dir: string;
  let rushan: { uri: string; text: string };
  let weihaiFile: string;
  let weihaiText: string;

  beforeEach(() => {
    dir = each.folder({ upper: { '000.txt': ['002.txt'] } });
    const rushanFile = path.join(dir, '000.txt');
    fs.copyFileSync(seedPath('000'), rushanFile);
    rushan = { uri: pathToFileURL(rushanFile).href, text: fs.readFileSync(rushanFile, 'utf8') };
    weihaiFile = path.join(dir, '002.txt');
    weihaiText = fs.readFileSync(seedPath('002'), 'utf8');
    assert.ok(weihaiText.includes('力争达到17%'));
  });

  /** Tell the server what happened to 002.txt and wait for 乳山's next diagnostics. */
  async function fileEvent(type: FileChangeType, match: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    const from = client!.diagnostics.mark();
    await client!.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(weihaiFile).href, type }] });
    const published = await client!.diagnostics.waitFor((p) => p.uri === rushan.uri && match(p), from);
    assert.equal(published.version, 1, 'the lower document itself did not change');
    return published;
  }

  it('rewriting the closed upper plan re-checks the open lower one; deleting and re-creating it too', async () => {
    fs.writeFileSync(weihaiFile, weihaiText);
    client = each.start({ workspace: dir });
    await client.initialize();
    const opened = client.published(rushan.uri, 1);
    await client.open(rushan.uri, rushan.text, 1);
    // 乳山's 17% meets 威海's 17%: no finding yet, and the closed upper file was read.
    assert.ok(!hasTargetBelowUpper(await opened));

    // 威海 raises its target to 18% on disk (same size, so only the event tells the file changed).
    fs.writeFileSync(weihaiFile, weihaiText.replace('力争达到17%', '力争达到18%'));
    const raised = await fileEvent(FileChangeType.Changed, hasTargetBelowUpper);
    const finding = raised.diagnostics.find((d) => d.code === 'target-below-upper')!;
    assert.match(String(finding.message), /18%/);

    // The upper file goes: nothing to compare with, the finding goes too.
    fs.rmSync(weihaiFile);
    await fileEvent(FileChangeType.Deleted, (p) => !hasTargetBelowUpper(p));

    // It comes back with 18%: found again at once (no wait for the folder listing to expire).
    fs.writeFileSync(weihaiFile, weihaiText.replace('力争达到17%', '力争达到18%'));
    await fileEvent(FileChangeType.Created, hasTargetBelowUpper);
  });

  it('a file created after the start is read when the event comes', async () => {
    client = each.start({ workspace: dir });
    await client.initialize();
    const opened = client.published(rushan.uri, 1);
    await client.open(rushan.uri, rushan.text, 1);
    assert.ok(!hasTargetBelowUpper(await opened));
    fs.writeFileSync(weihaiFile, weihaiText.replace('力争达到17%', '力争达到18%'));
    await fileEvent(FileChangeType.Created, hasTargetBelowUpper);
  });

  it('an event for a file that is no workspace document re-checks nothing', async () => {
    fs.writeFileSync(weihaiFile, weihaiText);
    client = each.start({ workspace: dir });
    await client.initialize();
    const opened = client.published(rushan.uri, 1);
    await client.open(rushan.uri, rushan.text, 1);
    await opened;
    const from = client.diagnostics.mark();
    const other = path.join(dir, 'notes.md');
    fs.writeFileSync(other, '# notes\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(other).href, type: FileChangeType.Created }] });
    // Then a real change: the first publication after the mark is the one for 002.txt.
    fs.writeFileSync(weihaiFile, weihaiText.replace('力争达到17%', '力争达到18%'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(weihaiFile).href, type: FileChangeType.Changed }] });
    const next = await client.diagnostics.waitFor((p) => p.uri === rushan.uri, from);
    assert.ok(hasTargetBelowUpper(next));
    assert.equal(client.diagnostics.items.slice(from).filter((p) => p.uri === rushan.uri).length, 1);
  });

  it('asks a client with dynamic registration to watch gongwen.json, the documents and upper files the document glob misses; never files outside the folder', async () => {
    const outside = each.folder();
    const upperOutside = path.join(outside, '威海.txt');
    fs.writeFileSync(upperOutside, weihaiText);
    fs.mkdirSync(path.join(dir, 'up'));
    fs.writeFileSync(path.join(dir, 'up', '威海.plan'), weihaiText);
    // Issue #14: a path outside the workspace folder is refused (one warning), so it is not watched either.
    fs.writeFileSync(path.join(dir, 'gongwen.json'), JSON.stringify({ upper: { '000.txt': ['002.txt', upperOutside, 'up/威海.plan'] } }));
    client = each.start({ workspace: dir });
    const registered = new Promise<FileSystemWatcher[]>((resolve) => {
      client!.connection.onRequest(RegistrationRequest.type, (params: RegistrationParams) => {
        const r = params.registrations.find((x) => x.method === DidChangeWatchedFilesNotification.method);
        if (r) resolve((r.registerOptions as { watchers: FileSystemWatcher[] }).watchers);
      });
    });
    const folder = pathToFileURL(dir).href;
    await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folder,
      workspaceFolders: [{ uri: folder, name: 'w' }],
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } } },
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    const watchers = await registered;
    const globs = watchers.map((w) => (typeof w.globPattern === 'string' ? w.globPattern : `${w.globPattern.baseUri} ${w.globPattern.pattern}`));
    assert.ok(globs.includes('**/gongwen.json'), globs.join('\n'));
    assert.ok(globs.includes('**/*.{txt,gw,gongwen,docx,pdf}'), globs.join('\n'));
    assert.ok(globs.includes(`${pathToFileURL(path.join(dir, 'up')).href} 威海.plan`), globs.join('\n'));
    assert.ok(!globs.some((g) => g.includes(pathToFileURL(outside).href)), globs.join('\n'));
    // 002.txt lies in the folder: the document glob covers it.
    assert.equal(globs.length, 3, globs.join('\n'));
  });
});
