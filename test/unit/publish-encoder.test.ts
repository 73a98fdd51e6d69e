/**
 * The server's stdio encoder (server/src/lsp/publish-encoder.ts, issue #18) writes exactly the bytes
 * of `JSON.stringify(message)`: for publications of real findings (first and again, when the bytes of
 * kept diagnostics are reused), after an edit, and for every other message; and the connection takes
 * the transport argument `createConnection` would take.
 */
import * as assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service';
import { encodeMessage } from '../../server/src/lsp/publish-encoder';
import { transportArgument } from '../../server/src/lsp/connection';
import { readSeed } from './helpers';

const publish = (uri: string, version: number, diagnostics: unknown[]) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version, diagnostics } });
const same = (message: object) => assert.equal(encodeMessage(message as never).toString('utf8'), JSON.stringify(message));

describe('publish encoder (stdio)', () => {
  it('gives the bytes of JSON.stringify for the diagnostics of every seed, first and when they are kept', () => {
    const service = createLanguageService({ docsBase: 'file:///d/docs/rules/' });
    let kept = 0;
    for (const name of ['000', '001', '002', '003', '004']) {
      const text = readSeed(name);
      const uri = `file:///d/${name}.gw`;
      let doc = service.parse(uri, text, { incremental: true });
      let before = service.diagnostics(doc);
      assert.ok(before.length > 0, `seed ${name} has findings`);
      same(publish(uri, 1, before));
      // A character typed mid-document, then Enter: diagnostics kept are the same objects, whose bytes are reused.
      let edited = text;
      for (const [version, piece] of [[2, '字'], [3, '字\n']] as const) {
        const at = edited.indexOf('\n', edited.length >> 1) + 1;
        edited = edited.slice(0, at) + piece + edited.slice(at);
        service.forgetFindings();
        doc = service.parse(uri, edited, { previous: doc, incremental: true });
        const after = service.diagnostics(doc);
        kept += after.filter((d) => before.includes(d)).length;
        same(publish(uri, version, after));
        same(publish(uri, version, after.slice().reverse()));
        before = after;
      }
    }
    assert.ok(kept > 0, 'some diagnostic objects are kept from one version to the next');
  });

  it('gives the bytes of JSON.stringify for every other message', () => {
    const diagnostic = { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } }, severity: 2, message: '“引号”\u2028\\ "x"', source: 'gongwen' };
    same(publish('file:///a', 1, []));
    same(publish('file:///a', 1, [diagnostic, diagnostic]));
    same({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', diagnostics: [diagnostic], version: 4 } });
    same({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', diagnostics: [diagnostic] }, extra: 1 });
    same(publish('file:///a', 1, [diagnostic, { toJSON: () => 'x' }]));
    same(publish('file:///a', 1, [diagnostic, null]));
    same({ jsonrpc: '2.0', id: 3, result: { items: [diagnostic] } });
    same({ jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: '日志' } });
  });

  it('takes the transport argument createConnection takes: the first one named', () => {
    assert.equal(transportArgument(['--stdio']), '--stdio');
    assert.equal(transportArgument(['--clientProcessId=12', '--node-ipc', '--stdio']), '--node-ipc');
    assert.equal(transportArgument(['--socket=5000']), '--socket');
    assert.equal(transportArgument(['--pipe', 'x']), '--pipe');
    assert.equal(transportArgument([]), undefined);
  });
});
