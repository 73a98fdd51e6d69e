/**
 * Keystroke-to-diagnostics latency through the real server (dist/server.js over stdio; `npm run bench`
 * builds first) for a 100 KB and a 1 MB document, and completion latency inside a responsibility list.
 *
 * How the debounce is taken out: the server waits 150 ms after the last change before analysing
 * (server/src/lsp/validation.ts). For each keystroke we send one didChange, wait for the publish of that
 * version, and report (publish arrival − send) − 150 ms: transport both ways, timer lateness, the
 * (incremental) parse, all rules and serialisation. Keystrokes are sent one at a time (each waits for its publish), so no
 * keystroke is merged into a later one.
 */
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { CompletionRequest } from 'vscode-languageserver-protocol/node';
import { makeWorkspace, startServer } from '../test/lsp/client';
import { bigDocument, seedTexts } from './throughput';
import { percentile, spread } from './stats';

const DEBOUNCE_MS = 150;

async function keystrokes(label: string, bytes: number, count: number): Promise<void> {
  const workspace = makeWorkspace({ language: 'zh-cn' });
  const client = startServer({ workspace });
  try {
    await client.initialize();
    const text = bigDocument(bytes);
    const uri = `file:///bench/${label}.gw`;
    const first = client.published(uri, 1);
    await client.open(uri, text, 1);
    await first;
    const lineCount = text.split('\n').length;
    const latencies: number[] = [];
    // The first few keystrokes after opening run code the engine has not optimised yet (the
    // incremental path); an editing session is long, so they are typed but not counted.
    const warmUp = 5;
    for (let v = 2; v < count + warmUp + 2; v++) {
      const line = (v * 7919) % lineCount;
      const published = client.published(uri, v);
      const t = performance.now();
      await client.change(uri, v, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '字' }]);
      await published;
      // An editor keeps the latest diagnostics only; the test client would keep every publication
      // (hundreds of thousands of objects on 1 MB), and its garbage collection would land in the figures.
      client.diagnostics.clear();
      if (v >= warmUp + 2) latencies.push(performance.now() - t - DEBOUNCE_MS);
    }
    console.log(`keystroke → diagnostics, ${label} (${(Buffer.byteLength(text) / 1e3).toFixed(0)} KB): p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms; ${spread(latencies, 'ms')} (debounce of ${DEBOUNCE_MS} ms subtracted)`);
    await client.stop();
  } finally {
    client.kill();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

async function completionLatency(count: number): Promise<void> {
  const workspace = makeWorkspace({ language: 'zh-cn' });
  const client = startServer({ workspace });
  try {
    await client.initialize();
    const seed = seedTexts().find((s) => s.text.includes('责任单位：'))!;
    const uri = 'file:///bench/completion.gw';
    const first = client.published(uri, 1);
    await client.open(uri, seed.text, 1);
    await first;
    // Right after the first 、 of the first 责任单位 list: the cursor is between two unit names.
    const offset = seed.text.indexOf('、', seed.text.indexOf('责任单位：')) + 1;
    const before = seed.text.slice(0, offset).split('\n');
    const position = { line: before.length - 1, character: before[before.length - 1]!.length };
    const latencies: number[] = [];
    let items = 0;
    for (let i = 0; i < count; i++) {
      const t = performance.now();
      const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position, context: { triggerKind: 2, triggerCharacter: '、' } });
      latencies.push(performance.now() - t);
      items = Array.isArray(result) ? result.length : (result?.items.length ?? 0);
    }
    console.log(`completion inside a responsibility list (seed ${seed.name}, line ${position.line + 1}, ${items} items): p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms; ${spread(latencies, 'ms', 2)} (round trip over stdio)`);
    await client.stop();
  } finally {
    client.kill();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  await keystrokes('100KB', 100 * 1024, 100);
  await keystrokes('1MB', 1024 * 1024, 100);
  await completionLatency(300);
}
