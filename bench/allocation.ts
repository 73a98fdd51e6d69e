/**
 * Allocation and garbage collection per MB analysed (issue #18: on 10 MB, GC took a fifth of the
 * time). V8's GCProfiler reports the used heap before and after each collection; what was allocated
 * is what the heap grew by between collections (before this one − after the last), plus the growth
 * after the last one. An estimate from below: objects born and dead between two young-generation
 * collections are counted, as they take heap until the next one, so little is missed.
 */
import * as v8 from 'node:v8';
import { performance } from 'node:perf_hooks';
import { createLanguageService } from '../server/src/service';
import { bigDocument } from './throughput';

interface GcEntry {
  cost: number;
  beforeGC: { heapStatistics: { usedHeapSize: number } };
  afterGC: { heapStatistics: { usedHeapSize: number } };
}

function measure(work: () => void): { allocatedMb: number; gcMs: number; wallMs: number; collections: number } {
  const profiler = new v8.GCProfiler();
  const usedAtStart = v8.getHeapStatistics().used_heap_size;
  profiler.start();
  const t = performance.now();
  work();
  const wallMs = performance.now() - t;
  const usedAtEnd = v8.getHeapStatistics().used_heap_size;
  const entries = (profiler.stop() as unknown as { statistics: GcEntry[] }).statistics;
  let allocated = 0;
  let last = usedAtStart;
  let gcUs = 0;
  for (const e of entries) {
    allocated += Math.max(0, e.beforeGC.heapStatistics.usedHeapSize - last);
    last = e.afterGC.heapStatistics.usedHeapSize;
    gcUs += e.cost;
  }
  allocated += Math.max(0, usedAtEnd - last);
  return { allocatedMb: allocated / 1e6, gcMs: gcUs / 1000, wallMs, collections: entries.length };
}

export async function run(): Promise<void> {
  const service = createLanguageService();
  const analyse = (text: string) => service.diagnostics(service.parse('file:///alloc.txt', text));
  for (const bytes of [1_000_000, 10_000_000]) {
    const text = bigDocument(bytes);
    const mb = Buffer.byteLength(text) / 1e6;
    analyse(text); // warm-up: compiled code, lazy tables
    const m = measure(() => analyse(text));
    console.log(
      `allocation, ${mb.toFixed(1)} MB (parse + all rules, second run): ${m.allocatedMb.toFixed(0)} MB allocated = ` +
        `${(m.allocatedMb / mb).toFixed(1)} MB per MB of text; GC ${m.gcMs.toFixed(0)} ms in ${m.collections} collections = ` +
        `${((100 * m.gcMs) / m.wallMs).toFixed(0)} % of ${m.wallMs.toFixed(0)} ms`,
    );
  }
}
