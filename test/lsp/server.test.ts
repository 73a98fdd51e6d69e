/**
 * The built server (`dist/server.js`) over real JSON-RPC on stdio, driven as an editor would.
 * Every wait is on a message from the server (a notification or a response), never on a timer.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentSymbolRequest,
  FileChangeType,
  FoldingRangeRequest,
  MessageType,
  type Diagnostic,
  type DidChangeWatchedFilesParams,
  type DocumentSymbol,
  type FoldingRange,
  type InitializeResult,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { makeWorkspace, perTest, REPO, seedPath, startServer, writeProjectConfig, type TestClient } from './client';

const DOCS_RULES = path.join(REPO, 'docs', 'rules');

function readSeed(prefix: string): { uri: string; text: string } {
  const file = seedPath(prefix);
  return { uri: pathToFileURL(file).href, text: fs.readFileSync(file, 'utf8') };
}

function readReal(prefix: string): { uri: string; text: string } {
  const dir = path.join(REPO, 'test', 'real', 'docs');
  const name = fs.readdirSync(dir).find((f) => f.startsWith(prefix));
  assert.ok(name, `no real document ${prefix}`);
  return { uri: pathToFileURL(path.join(dir, name)).href, text: fs.readFileSync(path.join(dir, name), 'utf8') };
}

function allSymbols(symbols: readonly DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...allSymbols(s.children ?? [])]);
}

const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => d.code);

describe('LSP server over stdio (dist/server.js)', function () {
  this.timeout(20000);

  const each = perTest();

  /** A server for one test, on a folder of its own: `each` kills the one and removes the other after the test. */
  async function session(options: { gongwenJson?: unknown; settings?: unknown; canPull?: boolean; initializationOptions?: unknown; env?: Record<string, string> } = {}) {
    const workspace = each.folder(options.gongwenJson ?? { language: 'zh-cn' });
    const client = each.start({ workspace, ...options });
    const initializeResult = await client.initialize();
    return { client, workspace, initializeResult };
  }

  describe('a full session on seed 000', () => {
    // One conversation, recorded in `before`; each `it` asserts one aspect of the transcript.
    const seed = readSeed('000');
    // Seed 002 is open too: it has findings, so the rule-page links are checked on real diagnostics.
    const other = readSeed('002');
    const lineCount = seed.text.split('\n').length;
    let initializeResult: InitializeResult;
    let published: PublishDiagnosticsParams;
    let publishedOther: PublishDiagnosticsParams;
    let symbols: DocumentSymbol[];
    let folding: FoldingRange[];
    // Real document 013: a notice issuing five 办法, each in 章 and 条.
    const real013 = readReal('013_');
    let symbols013: DocumentSymbol[];
    let folding013: FoldingRange[];
    let exitCode: number | null;
    // The conversation spans every `it` below, so its server and folder are this describe's, not `each`'s.
    let workspace: string | undefined;
    let client: TestClient | undefined;

    before(async () => {
      workspace = makeWorkspace({ language: 'zh-cn' });
      client = startServer({ workspace });
      initializeResult = await client.initialize();
      const diagnostics = client.published(seed.uri, 1);
      const otherDiagnostics = client.published(other.uri, 1);
      await client.open(seed.uri, seed.text, 1);
      await client.open(other.uri, other.text, 1);
      published = await diagnostics;
      publishedOther = await otherDiagnostics;
      symbols = ((await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: seed.uri } })) ?? []) as DocumentSymbol[];
      folding = (await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: seed.uri } })) ?? [];
      await client.open(real013.uri, real013.text, 1);
      symbols013 = ((await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: real013.uri } })) ?? []) as DocumentSymbol[];
      folding013 = (await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: real013.uri } })) ?? [];
      exitCode = await client.stop();
    });

    after(() => {
      client?.kill();
      if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
    });

    it('announces incremental sync, document symbols and folding ranges', () => {
      const caps = initializeResult.capabilities;
      assert.ok(caps.documentSymbolProvider);
      assert.ok(caps.foldingRangeProvider);
      assert.equal(typeof caps.textDocumentSync, 'object');
      assert.equal((caps.textDocumentSync as { change?: number }).change, 2 /* Incremental */);
      assert.equal((caps.textDocumentSync as { openClose?: boolean }).openClose, true);
    });

    it('publishes diagnostics for the opened version, each linked to its rule page', () => {
      assert.equal(published.version, 1);
      assert.equal(publishedOther.version, 1);
      const all = [...published.diagnostics, ...publishedOther.diagnostics];
      assert.ok(all.length > 0, 'seed 002 has findings (heading-style)');
      for (const d of all) {
        assert.equal(d.source, 'gongwen');
        assert.equal(typeof d.code, 'string', JSON.stringify(d));
        const href = d.codeDescription?.href ?? '';
        assert.ok(href.startsWith('file:') && href.endsWith(`${d.code}.md`), `${d.code}: ${href}`);
        const page = fileURLToPath(href);
        assert.equal(path.dirname(page), DOCS_RULES, href);
        assert.ok(fs.existsSync(page), `no rule page ${page}`);
      }
    });

    it('outlines the parts: the untitled cover (公文), then the issued plan with 一、 to 五、 and 5, 4 and 3 sub-headings under 三、四、五', () => {
      assert.deepEqual(symbols.map((s) => s.name), ['公文', '印发的文件'], `top-level symbols: ${symbols.map((s) => s.name).join(' | ')}`);
      const top = (symbols[1]!.children ?? []).filter((s) => /^[一二三四五六七八九十]+、/.test(s.name));
      assert.deepEqual(top.map((s) => s.name.slice(0, 2)), ['一、', '二、', '三、', '四、', '五、']);
      assert.equal(top[2]!.name, '三、提升行动');
      const childMarkers = (s: DocumentSymbol) => (s.children ?? []).map((c) => c.name.slice(0, 3));
      assert.deepEqual(childMarkers(top[2]!), ['（一）', '（二）', '（三）', '（四）', '（五）']);
      assert.deepEqual(childMarkers(top[3]!), ['（一）', '（二）', '（三）', '（四）']);
      assert.deepEqual(childMarkers(top[4]!), ['（一）', '（二）', '（三）']);
    });

    it('outlines real 013 as 通知（印发） and five 办法, each with its own 第一章 and 第一条, folding each', () => {
      assert.equal(symbols013.length, 6, symbols013.map((s) => s.name).join(' | '));
      assert.equal(symbols013[0]!.name, '通知（印发）');
      assert.match(symbols013[0]!.detail ?? '', /^兰州市人民政府办公室关于印发/);
      assert.ok((symbols013[0]!.children ?? []).some((c) => c.name === '发文字号' && c.detail === '兰政办发〔2019〕97号'));
      for (const part of symbols013.slice(1)) {
        assert.match(part.name, /办法（试\s*行）$/);
        assert.equal(part.detail, '印发的办法 · 第X章/第X条');
        assert.match((part.children ?? [])[0]?.name ?? '', /^第一[章条]/, part.name);
        const fold = folding013.find((f) => f.startLine === part.range.start.line);
        assert.equal(fold?.endLine, part.range.end.line, `fold of ${part.name}`);
      }
      const chapter = symbols013[1]!.children![0]!;
      assert.equal(chapter.name, '第一章总则');
      assert.match(chapter.children![0]!.name, /^第一条为强化项目策划生成工作/);
      // The breadcrumbs path at column 1 of the indented line `　　第二条…`: part › chapter › article.
      const line = chapter.children![1]!.selectionRange.start.line;
      const at = (r: DocumentSymbol['range']) => (r.start.line < line || (r.start.line === line && r.start.character === 0)) && line <= r.end.line;
      const path: string[] = [];
      for (let level = symbols013; level.length > 0; ) {
        const around = level.find((s) => at(s.range));
        if (!around) break;
        path.push(around.name.slice(0, 6));
        level = around.children ?? [];
      }
      assert.deepEqual(path, ['兰州市建设项', '第一章总则', '第二条项目生']);
    });

    it('outlines notice elements such as 发文字号', () => {
      const docNumber = allSymbols(symbols).find((s) => s.name === '发文字号');
      assert.ok(docNumber, `symbols: ${allSymbols(symbols).map((s) => s.name).join(' | ')}`);
      assert.match(docNumber.detail ?? '', /乳政发〔2022〕6号/);
    });

    it('returns folding ranges that lie inside the document and span lines', () => {
      for (const f of folding) {
        assert.ok(f.startLine >= 0 && f.startLine < f.endLine && f.endLine < lineCount, JSON.stringify(f));
      }
    });

    it('folds every heading whose section spans lines', () => {
      const headings = allSymbols((symbols[1]?.children ?? []).filter((s) => /^[一二三四五]、/.test(s.name)));
      assert.ok(headings.length >= 5 + 5 + 4 + 3, `only ${headings.length} heading symbols`);
      for (const h of headings.filter((s) => s.range.end.line > s.selectionRange.end.line)) {
        const fold = folding.find((f) => f.startLine >= h.range.start.line && f.startLine <= h.selectionRange.end.line);
        assert.ok(fold, `no folding range for ${h.name} (lines ${h.range.start.line}–${h.range.end.line})`);
      }
    });

    it('shuts down cleanly on shutdown + exit', () => {
      assert.equal(exitCode, 0);
    });
  });

  describe('editing', () => {
    it('publishes for a document when it is opened, without the typing pause, which stays for edits (issue #18)', async () => {
      // A pause of ten minutes: anything published within the test did not wait for it.
      const { client } = await session({ env: { GONGWEN_VALIDATION_DELAY_MS: '600000' } });
      const seed = readSeed('000');
      const other = readSeed('002');
      await client.open(seed.uri, seed.text, 1);
      const first = await client.published(seed.uri, 1);
      assert.ok(first.diagnostics.length > 0);
      assert.deepEqual(client.diagnostics.items.map((p) => p.uri), [seed.uri], 'no didChange was needed');

      // An edit waits for the pause; a second document opened after it is published at once.
      const lines = seed.text.split('\n');
      const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
      await client.change(seed.uri, 2, [{ range: { start: end, end }, text: '\n抄送：市委办公室。' }]);
      await client.open(other.uri, other.text, 1);
      await client.published(other.uri, 1);
      assert.deepEqual(
        client.diagnostics.items.map((p) => `${p.uri === seed.uri ? 'seed' : 'other'}@${p.version}`),
        ['seed@1', 'other@1'],
        'the edit of the first document is still waiting for its pause',
      );
    });

    it('publishes again for each edit, with the edited version (incremental and full sync)', async () => {
      const seed = readSeed('000');
      const { client } = await session();
      await client.open(seed.uri, seed.text, 1);
      await client.published(seed.uri, 1);

      const lines = seed.text.split('\n');
      const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
      const second = client.published(seed.uri, 2);
      await client.change(seed.uri, 2, [{ range: { start: end, end }, text: '\n抄送：市委办公室。' }]);
      assert.equal((await second).version, 2);

      const third = client.published(seed.uri, 3);
      await client.change(seed.uri, 3, [{ text: seed.text }]);
      assert.equal((await third).version, 3);
    });

    it('flags （二） renumbered to （四） under 三、 as heading-sequence', async () => {
      const seed = readSeed('000');
      const lines = seed.text.split('\n');
      const section = lines.findIndex((l) => /^\s*三、/.test(l));
      const line = lines.findIndex((l, i) => i > section && /^\s*（二）/.test(l));
      assert.ok(section >= 0 && line > section, 'seed 000 has （二） under 三、');
      const character = lines[line].indexOf('（二）') + 1;

      const { client } = await session();
      await client.open(seed.uri, seed.text, 1);
      const before = await client.published(seed.uri, 1);
      const onLine = (p: PublishDiagnosticsParams) =>
        p.diagnostics.filter((d) => d.code === 'heading-sequence' && d.range.start.line === line);
      assert.deepEqual(onLine(before), [], 'the seed itself is numbered in sequence there');

      const after = client.published(seed.uri, 2);
      await client.change(seed.uri, 2, [
        { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '四' },
      ]);
      const changed = await after;
      assert.ok(onLine(changed).length > 0, `codes after the edit: ${codes(changed.diagnostics).join(', ')}`);
    });
  });

  describe('robustness', () => {
    it('answers requests for an unknown document, or that make a handler throw, with an empty result and keeps serving', async () => {
      const seed = readSeed('000');
      const { client } = await session();
      const unknown = { textDocument: { uri: 'file:///nowhere/unknown.gw' } };
      const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, unknown);
      assert.ok(symbols === null || (Array.isArray(symbols) && symbols.length === 0), JSON.stringify(symbols));
      const folding = await client.connection.sendRequest(FoldingRangeRequest.type, unknown);
      assert.ok(folding === null || (Array.isArray(folding) && folding.length === 0), JSON.stringify(folding));

      // A handler that throws (params without textDocument) is logged and answers empty.
      const broken = await client.connection.sendRequest(DocumentSymbolRequest.method, {});
      assert.deepEqual(broken, []);
      await client.logs.waitFor((m) => m.type === MessageType.Error && m.message.includes('documentSymbol failed'));

      // Still alive: a real document is analysed afterwards.
      const published = client.published(seed.uri, 1);
      await client.open(seed.uri, seed.text, 1);
      assert.equal((await published).version, 1);
      assert.equal(await client.stop(), 0);
    });

    it('warns once about a malformed gongwen.json, keeps publishing, and re-reads it when it changes', async () => {
      const seed = readSeed('000');
      const { client, workspace } = await session({ gongwenJson: '{ "rules": { "heading-style": ' });
      const isConfigWarning = (m: { type: number; message: string }) =>
        m.type === MessageType.Warning && m.message.includes('gongwen.json');
      await client.messages.waitFor(isConfigWarning);

      const published = client.published(seed.uri, 1);
      await client.open(seed.uri, seed.text, 1);
      await published;

      // Fixed file: re-read, documents re-validated, no new warning.
      const configFile = writeProjectConfig(workspace, { rules: { 'heading-style': 'off' } });
      const event: DidChangeWatchedFilesParams = { changes: [{ uri: pathToFileURL(configFile).href, type: FileChangeType.Changed }] };
      let mark = client.diagnostics.mark();
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, event);
      await client.published(seed.uri, 1, mark);
      assert.equal(client.messages.items.filter(isConfigWarning).length, 1);

      // Broken again: one more warning, and diagnostics still come.
      writeProjectConfig(workspace, '[');
      const warnings = client.messages.mark();
      mark = client.diagnostics.mark();
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, event);
      await client.messages.waitFor(isConfigWarning, warnings);
      await client.published(seed.uri, 1, mark);
      assert.equal(client.messages.items.filter(isConfigWarning).length, 2);
    });
  });

  describe('settings', () => {
    it('pulls the gongwen section, applies it, and pulls again on didChangeConfiguration', async () => {
      const seed = readSeed('002');
      const { client } = await session({ settings: { rules: { 'heading-style': 'off' } } });
      const first = client.published(seed.uri, 1);
      await client.open(seed.uri, seed.text, 1);
      assert.ok(!codes((await first).diagnostics).includes('heading-style'), 'heading-style is off');
      assert.deepEqual(client.configurationRequests, [['gongwen']]);

      client.settings = {};
      const mark = client.diagnostics.mark();
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      const again = await client.published(seed.uri, 1, mark);
      assert.equal(client.configurationRequests.length, 2);
      assert.ok(codes(again.diagnostics).includes('heading-style'), `codes: ${codes(again.diagnostics).join(', ')}`);
    });

    it('lets gongwen.json override the editor settings', async () => {
      const seed = readSeed('002');
      const { client } = await session({
        gongwenJson: { rules: { 'heading-style': 'off' } },
        settings: { rules: { 'heading-style': 'error' } },
      });
      const published = client.published(seed.uri, 1);
      await client.open(seed.uri, seed.text, 1);
      assert.ok(!codes((await published).diagnostics).includes('heading-style'));
    });

    it('takes initializationOptions.settings from a client without workspace/configuration', async () => {
      const seed = readSeed('002');
      const { client } = await session({
        canPull: false,
        initializationOptions: { settings: { rules: { 'heading-style': 'off' } } },
      });
      const published = client.published(seed.uri, 1);
      await client.open(seed.uri, seed.text, 1);
      assert.ok(!codes((await published).diagnostics).includes('heading-style'));
      assert.deepEqual(client.configurationRequests, [], 'the server must not ask a client that cannot answer');
    });
  });
});
