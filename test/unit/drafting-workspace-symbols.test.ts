/** Workspace symbols (issue #6): "go to section" across every document of the workspace. */
import * as assert from 'node:assert/strict';
import { SymbolKind } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { parseDocument } from '../../server/src/model/parse';
import { workspaceOf } from '../../server/src/workspace';
import { matchesQuery } from '../../server/src/features/workspace-symbols';
import { readSeed, textAt } from './helpers';

const seeds = ['000', '001', '004'].map((p) => ({ uri: `file:///seeds/${p}.txt`, text: readSeed(p) }));
const service = createLanguageService({ workspace: workspaceOf(seeds.map((s) => parseDocument(s.uri, s.text))) });

describe('workspace symbols', () => {
  it('finds the 保障措施 / 组织实施 sections of every plan, each pointing at its heading', () => {
    const found = service.workspaceSymbols('组织领导');
    // 000 （一）加强组织领导, 001 （一）加强组织领导, 004 （一）强化组织领导 — one per seed.
    assert.deepEqual(found.map((s) => s.location.uri).sort(), seeds.map((s) => s.uri).sort());
    for (const s of found) {
      const text = seeds.find((d) => d.uri === s.location.uri)!.text;
      assert.ok(textAt(text, s.location.range).startsWith('（一）'), textAt(text, s.location.range));
      assert.equal(s.kind, SymbolKind.Class);
    }
  });

  it('names the document and the parent heading as container', () => {
    const [youth] = service.workspaceSymbols('青少年科学素质提升').filter((s) => s.location.uri.endsWith('004.txt'));
    assert.match(youth.containerName ?? '', /^平阴县.*实施方案.* › 二、提升行动$/);
  });

  it('lists plan titles as file symbols; an empty query lists every heading', () => {
    const titles = service.workspaceSymbols('实施方案').filter((s) => s.kind === SymbolKind.File);
    assert.ok(titles.length >= 2, JSON.stringify(titles.map((t) => t.name)));
    const all = service.workspaceSymbols('');
    const headings = seeds.reduce((n, s) => n + parseDocument(s.uri, s.text).allHeadings.length, 0);
    assert.equal(all.filter((s) => s.kind !== SymbolKind.File).length, headings);
  });

  it('matches the query as a subsequence, ignoring spaces', () => {
    assert.equal(matchesQuery('四、保障措施', '保障 措施'), true);
    assert.equal(matchesQuery('四、保障措施', '保措'), true);
    assert.equal(matchesQuery('四、保障措施', '措保'), false);
  });
});
