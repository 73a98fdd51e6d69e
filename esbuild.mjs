// Bundles the three entry points. `vscode` is provided by the editor at run time.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  external: ['vscode'],
  logLevel: 'warning',
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  esbuild.build({
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
  // pdf.js (ESM, uses import.meta) runs in a worker thread of the CLI and the server (server/src/io/pdf/extract.ts).
  esbuild.build({ ...common, format: 'esm', entryPoints: ['server/src/io/pdf/worker.ts'], outfile: 'dist/pdf-worker.mjs' }),
]);
// pdf.js's packed CMaps, read from disk (never fetched) for PDFs whose Chinese fonts use predefined encodings.
fs.cpSync('node_modules/pdfjs-dist/cmaps', 'dist/pdf-cmaps', { recursive: true });
