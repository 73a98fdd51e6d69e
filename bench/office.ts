/**
 * .docx and .pdf reading throughput and the time to annotate a seed-sized document (issue #15).
 * Fixtures: every seed as a .docx (docx library, one paragraph per line) and as a PDF (LibreOffice).
 * Needs `soffice` (as the tests do). Medians of several rounds; the PDF figure includes the worker
 * round trip, the first PDF of a process (the worker and pdf.js starting) is given apart.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { docxFromText } from '../test/office/build-docx';
import { convert } from '../test/office/soffice';
import { readSource } from '../server/src/io/read';
import { annotateDocx } from '../server/src/io/docx/annotate';
import { createLanguageService } from '../server/src/service';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(): Promise<void> {
  const seeds = fs.readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort().map((f) => path.join('seeds', f));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-bench-office-'));
  try {
    const docx: string[] = [];
    let chars = 0;
    for (const s of seeds) {
      const text = fs.readFileSync(s, 'utf8');
      chars += text.length;
      const out = path.join(dir, path.basename(s).replace(/\.txt$/, '.docx'));
      fs.writeFileSync(out, await docxFromText(text));
      docx.push(out);
    }
    const pdfs = [...convert(docx, 'pdf', dir).values()];
    const time = (files: string[]) => {
      const t0 = performance.now();
      for (const f of files) if ('error' in readSource(f)) throw new Error(f);
      return performance.now() - t0;
    };
    const first = time(pdfs.slice(0, 1));
    const docxMs = median([1, 2, 3, 4, 5].map(() => time(docx)));
    const pdfMs = median([1, 2, 3].map(() => time(pdfs)));
    const kb = docx.reduce((s, f) => s + fs.statSync(f).size, 0) / 1024;
    const pdfKb = pdfs.reduce((s, f) => s + fs.statSync(f).size, 0) / 1024;
    console.log(`office: ${seeds.length} seeds, ${chars} characters`);
    console.log(`  .docx read: ${docxMs.toFixed(0)} ms for ${kb.toFixed(0)} KB (${((chars / docxMs) * 1000 / 1e6).toFixed(2)} M characters/s)`);
    console.log(`  .pdf read:  ${pdfMs.toFixed(0)} ms for ${pdfKb.toFixed(0)} KB (${((chars / pdfMs) * 1000 / 1e6).toFixed(2)} M characters/s); first PDF of a process ${first.toFixed(0)} ms`);
    // Annotate the largest seed with all its findings.
    const biggest = docx.reduce((a, b) => (fs.statSync(a).size >= fs.statSync(b).size ? a : b));
    const bytes = fs.readFileSync(biggest);
    const read = readSource(biggest);
    if ('error' in read) throw new Error(read.error);
    const service = createLanguageService();
    const diagnostics = service.diagnostics(service.parse('file:///bench.gw', read.text));
    const annotations = diagnostics.map((d) => ({ start: d.range.start, end: d.range.end, text: d.message as string }));
    const ms = median([1, 2, 3, 4, 5].map(() => {
      const t0 = performance.now();
      annotateDocx(bytes, annotations);
      return performance.now() - t0;
    }));
    console.log(`  annotate: ${ms.toFixed(0)} ms for ${path.basename(biggest)} (${read.text.length} characters, ${annotations.length} comments)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void run();
