/**
 * PDF text, synchronously: one worker thread (worker.ts) runs pdf.js for the whole process and this
 * side waits on a shared flag (Atomics.wait), then takes the answer from the message port. The CLI,
 * the server's workspace and the upper-plan index then read a .pdf as they read a text file.
 * A PDF that takes longer than the time bound (a hostile or huge file) ends the worker; the next
 * PDF starts a fresh one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { PdfAnswer, PdfRequest } from './worker';

export const PDF_TIMEOUT_MS = 60_000;

let current: { worker: Worker; port: MessagePort } | undefined;

/**
 * The worker's file: next to the bundle (dist/pdf-worker.mjs, esbuild.mjs), or the TypeScript
 * source when running from source (tests: the tsx loader the process runs with is inherited).
 */
function workerFile(): string {
  const bundled = path.join(__dirname, 'pdf-worker.mjs');
  if (__filename.endsWith('.js') && fs.existsSync(bundled)) return bundled;
  return path.join(__dirname, 'worker.ts');
}

/** pdf.js's packed CMaps (Chinese PDFs whose fonts use predefined encodings need them), read from disk. */
function cMapUrl(): string | undefined {
  for (const dir of [path.join(__dirname, 'pdf-cmaps'), path.join(__dirname, '..', '..', '..', '..', 'node_modules', 'pdfjs-dist', 'cmaps')]) {
    if (fs.existsSync(path.join(dir, 'UniGB-UCS2-H.bcmap'))) return dir + path.sep;
  }
  return undefined;
}

function start(): { worker: Worker; port: MessagePort } {
  const { port1, port2 } = new MessageChannel();
  const file = workerFile();
  // From source (tests) the worker registers the TypeScript loader itself: Node 20 does not apply
  // an inherited `--import tsx` to a worker's entry file. A bundle needs no loader.
  // (The loader's name is built at run time so the bundler does not try to include it.)
  const loader = ['tsx', 'cjs', 'api'].join('/');
  const worker = file.endsWith('.ts')
    ? new Worker(`require(${JSON.stringify(require.resolve(loader))}).register(); require(${JSON.stringify(file)});`, { eval: true, workerData: { port: port2 }, transferList: [port2], execArgv: [] })
    : new Worker(file, { workerData: { port: port2 }, transferList: [port2] });
  // A worker that dies answers nothing: the wait times out and the next PDF starts another one.
  worker.on('error', () => undefined);
  // The process may end while the worker idles.
  worker.unref();
  port1.unref();
  return { worker, port: port1 };
}

export function extractPdf(bytes: Uint8Array, timeoutMs = PDF_TIMEOUT_MS): PdfAnswer | { failure: 'timeout' } {
  current ??= start();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const request: PdfRequest = { bytes, signal, cMapUrl: cMapUrl() };
  current.port.postMessage(request);
  const waited = Atomics.wait(signal, 0, 0, timeoutMs);
  const message = receiveMessageOnPort(current.port);
  if (waited === 'timed-out' || !message) {
    void current.worker.terminate();
    current = undefined;
    return { failure: 'timeout' };
  }
  return message.message as PdfAnswer;
}
