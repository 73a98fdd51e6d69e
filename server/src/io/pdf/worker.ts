/**
 * The pdf.js side of `extract.ts`, run in a worker thread: pdf.js only answers with promises, and
 * every reader of `io/` is synchronous, so the caller blocks on an Atomics wait while this worker
 * extracts. Safety (issue #15: a PDF may come from an untrusted folder): `isEvalSupported: false`,
 * no font or CMap fetching over the network (CMaps come from a local folder when one is given),
 * no scripting (the legacy build never runs a PDF's JavaScript without a sandbox bundle).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { pageLines, type TextItem } from './lines';

export type PdfRequest = { bytes: Uint8Array; signal: Int32Array; cMapUrl?: string };
export type PdfAnswer = { pages: string[][] } | { failure: 'password' | 'invalid' | 'other'; detail?: string };

// pdf.js warns on the console (no canvas, unknown fonts); a reader's output must stay clean.
console.log = console.warn = console.info = console.error = () => undefined;

/** The part of pdf.js used here (its types are ESM-only, this project compiles as CommonJS). */
interface PdfJs {
  getDocument(src: Record<string, unknown>): {
    promise: Promise<{ numPages: number; getPage(n: number): Promise<{ getTextContent(): Promise<{ items: Array<{ str?: string; transform: number[]; width: number; height: number }> }>; cleanup(): void }> }>;
    destroy(): Promise<void>;
  };
}
let pdfjs: Promise<PdfJs> | undefined;
function load(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    // The "fake worker": pdf.js runs its parser in this thread when it finds it on globalThis,
    // instead of importing a worker file by URL (which a bundle does not have).
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
  })();
  return pdfjs;
}

async function extract(request: PdfRequest): Promise<PdfAnswer> {
  const lib = await load();
  const task = lib.getDocument({
    data: request.bytes,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
    ...(request.cMapUrl ? { cMapUrl: request.cMapUrl, cMapPacked: true } : {}),
  });
  try {
    const pdf = await task.promise;
    const pages: string[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const it of content.items) {
        if (typeof it.str !== 'string') continue;
        items.push({ str: it.str, x: it.transform[4], y: it.transform[5], width: it.width, height: it.height || Math.hypot(it.transform[2], it.transform[3]) });
      }
      pages.push(pageLines(items));
      page.cleanup();
    }
    return { pages };
  } catch (err) {
    const name = (err as Error)?.name;
    if (name === 'PasswordException') return { failure: 'password' };
    if (name === 'InvalidPDFException') return { failure: 'invalid' };
    return { failure: 'other', detail: String((err as Error)?.message ?? err).slice(0, 120) };
  } finally {
    await task.destroy();
  }
}

const port = (workerData as { port: MessagePort }).port;
port.on('message', (request: PdfRequest) => {
  void extract(request)
    .catch((err: unknown): PdfAnswer => ({ failure: 'other', detail: String((err as Error)?.message ?? err).slice(0, 120) }))
    .then((answer) => {
      port.postMessage(answer);
      Atomics.store(request.signal, 0, 1);
      Atomics.notify(request.signal, 0);
    });
});
void parentPort;
