/**
 * The server reads a Word file for the client (issue #15, `gongwen.server.readOffice`) and serves the
 * text the client then shows under its own `gongwen-office:` scheme: diagnostics and symbols for that
 * uri, as for a file. A file that cannot be read answers with the reader's message.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeLensRequest, DocumentSymbolRequest, ExecuteCommandRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { strFromU8, unzipSync } from 'fflate';
import { docxFromText } from '../office/build-docx';
import { perTest, seedPath } from './client';

describe('LSP: reading a Word file for the client (gongwen.server.readOffice)', function () {
  this.timeout(20000);
  const each = perTest();

  it('answers with the .docx text, and serves it under the gongwen-office: scheme', async () => {
    const dir = each.folder();
    const text = fs.readFileSync(seedPath('003'), 'utf8');
    const file = path.join(dir, '淄博.docx');
    fs.writeFileSync(file, await docxFromText(text));
    fs.writeFileSync(path.join(dir, 'broken.docx'), 'PK\x03\x04 not really a zip');
    const client = each.start({ workspace: dir });
    const init = await client.initialize();
    assert.ok(init.capabilities.executeCommandProvider?.commands.includes('gongwen.server.readOffice'));

    const read = (uri: string) => client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'gongwen.server.readOffice', arguments: [uri] }) as Promise<{ text?: string; error?: string }>;
    const answer = await read(pathToFileURL(file).href);
    assert.equal(answer.text, text.replace(/\r\n?/g, '\n'));
    assert.match((await read(pathToFileURL(path.join(dir, 'broken.docx')).href)).error ?? '', /broken\.docx：\.docx 文件已损坏或不完整/);
    assert.match((await read('https://example.com/a.docx')).error ?? '', /只能读取本地文件/);

    const virtual = 'gongwen-office:' + pathToFileURL(file).pathname;
    await client.open(virtual, answer.text!, 1);
    const published = await client.published(virtual, 1);
    assert.ok(published.diagnostics.some((d) => d.code === 'heading-style'), 'diagnostics for the virtual document');
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: virtual } });
    assert.ok(symbols && symbols.length > 0);
    // Hover on a responsible unit of the view (line 162: `…团市委、市科协按职责分工负责)`).
    const line = answer.text!.split('\n')[161];
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: virtual }, position: { line: 161, character: line.indexOf('市科协') + 1 } });
    assert.ok(hover && JSON.stringify(hover.contents).includes('科协'), JSON.stringify(hover));
    // The view is the .docx of the folder, not a second document: it is never its own upper plan
    // (it cites its own title; before, the file read from disk matched it clause by clause, 1.00).
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: virtual } });
    assert.deepEqual((lenses ?? []).map((l) => l.command?.title), []);
  });

  it('writes a copy of the .docx with the findings as comments and the certain fixes as tracked changes (gongwen.server.annotateOffice)', async () => {
    const dir = each.folder();
    const text = fs.readFileSync(seedPath('003'), 'utf8');
    const file = path.join(dir, '淄博.docx');
    const original = await docxFromText(text);
    fs.writeFileSync(file, original);
    const client = each.start({ workspace: dir });
    const init = await client.initialize();
    assert.ok(init.capabilities.executeCommandProvider?.commands.includes('gongwen.server.annotateOffice'));
    const read = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'gongwen.server.readOffice', arguments: [pathToFileURL(file).href] })) as { text: string };
    const virtual = 'gongwen-office:' + pathToFileURL(file).pathname;
    await client.open(virtual, read.text, 1);
    const { diagnostics } = await client.published(virtual, 1);
    const heading = diagnostics.find((d) => d.code === 'heading-style');
    assert.ok(heading, 'seed 003 has a heading-style finding');
    const line = read.text.split('\n')[heading.range.start.line];
    const wrong = line.slice(heading.range.start.character, heading.range.end.character);
    const annotate = async (...args: unknown[]) =>
      (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'gongwen.server.annotateOffice', arguments: [pathToFileURL(file).href, ...args] })) as { docx?: string; comments?: number; tracked?: number; error?: string };
    const answer = await annotate();
    assert.equal(answer.error, undefined);
    // The copy holds what the view shows: one comment per published finding, as the CLI writes them.
    assert.equal(answer.comments, diagnostics.length);
    assert.ok(answer.tracked! > 0, 'the certain fixes are tracked changes');
    const parts = unzipSync(Buffer.from(answer.docx!, 'base64'));
    const comments = strFromU8(parts['word/comments.xml']);
    assert.match(comments, /规则：heading-style/);
    assert.match(comments, /建议：/, 'a finding with a fix names it, as the CLI does');
    const body = strFromU8(parts['word/document.xml']);
    assert.match(body, /<w:ins [^>]*w:author="gongwen"/);
    assert.ok(body.includes(wrong.replace(/[()]/g, '')), 'the replaced text is still there, as a deletion');
    const commentsOnly = await annotate({ commentsOnly: true });
    assert.equal(commentsOnly.tracked, 0);
    assert.doesNotMatch(strFromU8(unzipSync(Buffer.from(commentsOnly.docx!, 'base64'))['word/document.xml']), /<w:ins /);
    assert.deepEqual(fs.readFileSync(file), Buffer.from(original), 'the file itself is not written');
    const pdf = path.join(dir, 'a.pdf');
    fs.writeFileSync(pdf, '%PDF-1.4\n');
    const refused = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'gongwen.server.annotateOffice', arguments: [pathToFileURL(pdf).href] })) as { error?: string };
    assert.match(refused.error ?? '', /只有 Word 文件（\.docx）可以写入批注/);
  });
});
