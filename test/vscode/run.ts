/**
 * `npm run test:vscode`: the extension-host suite (test/vscode/suite) in a real VS Code downloaded by
 * @vscode/test-electron. It needs a machine that can download VS Code (and a display, or xvfb-run);
 * where that is impossible — as on the project's CI machines — `npm run test:e2e` (code-server) is
 * the route used. The suite is bundled with esbuild because the extension host loads plain CommonJS.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { runTests } from '@vscode/test-electron';

const REPO = path.resolve(__dirname, '..', '..');
const OUT = path.join(REPO, '.vscode-test', 'suite');

async function main(): Promise<void> {
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'suite', 'index.ts')],
    outfile: path.join(OUT, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // mocha stays a require() of the project's node_modules (found by walking up from .vscode-test/).
    external: ['vscode', 'mocha'],
    sourcemap: true,
    logLevel: 'warning',
  });
  // A workspace of copies of the seeds: the suite edits documents (quick fix) and writes settings.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-vscode-ws-'));
  const seeds = fs.readdirSync(path.join(REPO, 'seeds')).filter((f) => /^\d{3}_.*\.txt$/.test(f));
  for (const seed of seeds) {
    const prefix = seed.slice(0, 3);
    // 002 and 003 as .gw files; 000 stays a plain .txt notice to check the switch to gongwen.
    const name = prefix === '000' ? `notice-${prefix}.txt` : `seed-${prefix}.gw`;
    fs.copyFileSync(path.join(REPO, 'seeds', seed), path.join(workspace, name));
  }
  try {
    await runTests({
      extensionDevelopmentPath: REPO,
      extensionTestsPath: path.join(OUT, 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: { GONGWEN_TEST_WORKSPACE: workspace },
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
