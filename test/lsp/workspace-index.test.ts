/**
 * Closed files of the folder do not hold back an opened document's first diagnostics (issue #18): a check reads
 * them for a bounded time (GONGWEN_WORKSPACE_SYNC_MS, 0 here so that none is read in time), the rest are parsed in
 * the background, and the open document is then checked again and published anew with what they add.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { FROM_UPPER_FILE, loweredSeed000, perTest, seedPath } from './client';

describe('LSP: the folder is indexed in the background', function () {
  this.timeout(60000);
  const each = perTest();

  it('publishes without the closed upper file first, then again with its finding, for the same version', async () => {
    const dir = each.folder({ upper: { '000.txt': ['002.plan'] } });
    fs.copyFileSync(seedPath('002'), path.join(dir, '002.plan'));
    // Other drafts of the folder, as an office keeps them: each is parsed in the background too.
    for (let i = 0; i < 20; i++) fs.copyFileSync(seedPath(i % 2 ? '001' : '003'), path.join(dir, `draft-${i}.txt`));
    const file = path.join(dir, '000.txt');
    const text = loweredSeed000();
    fs.writeFileSync(file, text);
    const uri = pathToFileURL(file).href;

    const client = each.start({ workspace: dir, env: { GONGWEN_WORKSPACE_SYNC_MS: '0' } });
    await client.initialize();
    const refreshesBefore = client.lensRefreshes.mark();
    const first = client.published(uri, 1);
    await client.open(uri, text, 1);
    const early = await first;
    const namesUpperFile = (d: Diagnostic) => d.code === 'target-below-upper' && FROM_UPPER_FILE.test(String(d.message));
    assert.ok(!early.diagnostics.some(namesUpperFile), 'the first publication waited for the closed files');

    const later = await client.diagnostics.waitFor((p) => p.uri === uri && p.diagnostics.some(namesUpperFile), client.diagnostics.items.indexOf(early) + 1);
    assert.equal(later.version, 1);
    // The code lenses name the upper plan too: the editor is asked for them again.
    await client.lensRefreshes.waitFor(undefined, refreshesBefore);
    // Everything the first publication said still holds: the closed files only added to it.
    const key = (d: Diagnostic) => JSON.stringify([d.code, d.range]);
    const laterKeys = new Set(later.diagnostics.map(key));
    assert.deepEqual(early.diagnostics.filter((d) => d.code !== 'target-below-upper' && !laterKeys.has(key(d))).map((d) => d.code), []);
  });
});
