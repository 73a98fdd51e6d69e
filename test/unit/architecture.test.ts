import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './helpers';

/**
 * The language service is a pure library (docs/architecture.md): model, rules, features and
 * knowledge never reach the editor, the transport or the disk. Types from
 * vscode-languageserver-types are plain data and allowed.
 */
const PURE = ['server/src/model', 'server/src/rules', 'server/src/features', 'server/src/knowledge', 'server/src/drafting', 'server/src/align', 'server/src/export', 'server/src/report', 'server/src/service.ts'];
const FORBIDDEN = /^(vscode|vscode-languageserver(\/.*)?|vscode-languageserver-protocol(\/.*)?|vscode-languageclient(\/.*)?|vscode-jsonrpc(\/.*)?|(node:)?(fs|child_process|net|http|https)(\/.*)?)$/;

function files(p: string): string[] {
  const full = path.join(ROOT, p);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [full];
  return fs.readdirSync(full).flatMap((f) => files(path.join(p, f)));
}

describe('architecture: the language service stays pure', () => {
  it('checks a non-trivial number of files', () => {
    assert.ok(PURE.flatMap(files).length >= 15);
  });

  it('no pure module imports the editor, the transport or the file system', () => {
    const offenders: string[] = [];
    for (const file of PURE.flatMap(files)) {
      const src = fs.readFileSync(file, 'utf8');
      for (const m of src.matchAll(/(?:import|export)[^'"]*from\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = m[1] ?? m[2];
        if (FORBIDDEN.test(spec)) offenders.push(`${path.relative(ROOT, file)} → ${spec}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('no module outside the CLI imports from server/src/cli/ (reading files is io/, issue #15)', () => {
    const offenders: string[] = [];
    // The CLI: server/src/cli/, its entry cli.ts, and its starter cli-start.ts (which starts lint's workers early, #18).
    const cli = (f: string) => f.includes(`${path.sep}cli${path.sep}`) || f.endsWith(`${path.sep}cli.ts`) || f.endsWith(`${path.sep}cli-start.ts`);
    for (const file of files('server/src').filter((f) => !cli(f))) {
      const src = fs.readFileSync(file, 'utf8');
      for (const m of src.matchAll(/(?:import|export)[^'"]*from\s*['"]([^'"]+)['"]/g)) {
        if (/(^|\/)cli(\/|$)/.test(m[1])) offenders.push(`${path.relative(ROOT, file)} → ${m[1]}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('the LSP server file holds no analysis of its own (stays small)', () => {
    const lines = fs.readFileSync(path.join(ROOT, 'server/src/server.ts'), 'utf8').split('\n').length;
    assert.ok(lines < 250, `server.ts has ${lines} lines`);
  });

  it('nothing is remembered per document in a WeakMap keyed by the document (model/memo.ts says why)', () => {
    const offenders = files('server/src').filter((f) => /^(?:let|const) \w+ = new WeakMap<\s*(?:GongwenDocument|readonly ResponsibilityList\[\])\b/m.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(offenders.map((f) => path.relative(ROOT, f)), []);
  });
});
