/**
 * `gongwen align --upper FILE [--format text|json] FILE`: for each clause (heading or task item) of
 * FILE, its best match in the upper document, or none. `gongwen coverage --upper FILE FILE`: the
 * upper document's clauses with the local clauses that implement them — covered / weak / missing.
 */
import { t } from '../l10n';
import type { Range } from '../model/types';
import { alignDocuments } from '../align/align';
import { coverage, coverageCounts } from '../align/coverage';
import { statusName } from '../features/coverage';
import type { CliArgs } from './args';
import type { CliIo } from './io';
import { readDocument } from './files';
import { cliService, fileUri } from './service';
import { EXIT_OK, EXIT_TROUBLE } from './lint';
import { shorten } from './outline';

/** The JSON of `align` (issue #5): one entry per clause of FILE, `match` null when nothing matches. */
export interface AlignJson {
  file: string;
  upper: string;
  matches: { clause: { title: string; range: Range }; match: { title: string; range: Range; score: number } | null }[];
}

type Loaded = { file: string; upper: string; doc: ReturnType<ReturnType<typeof cliService>['parse']>; upperDoc: ReturnType<ReturnType<typeof cliService>['parse']> };

/** Both documents read and parsed, or an error already reported. */
function load(verb: string, args: CliArgs, io: CliIo): Loaded | undefined {
  if (args.paths.length !== 1 || args.upper.length !== 1) {
    io.err(`gongwen: ${t('{0} 需要一个文件和一个 --upper 上级方案文件。', verb)}\n`);
    return undefined;
  }
  const [file] = args.paths;
  const [upper] = args.upper;
  const service = cliService({ configFile: args.config, lang: args.lang }, io);
  const docs = [file, upper].map((f) => {
    const read = readDocument(f);
    if ('error' in read) {
      io.err(`gongwen: ${read.error}\n`);
      return undefined;
    }
    return service.parse(fileUri(f), read.text);
  });
  if (!docs[0] || !docs[1]) return undefined;
  return { file, upper, doc: docs[0], upperDoc: docs[1] };
}

export function alignJson(l: Loaded): AlignJson {
  return {
    file: l.file,
    upper: l.upper,
    matches: alignDocuments(l.doc, l.upperDoc).map((a) => ({
      clause: { title: a.clause.title, range: a.clause.heading.range },
      match: a.match ? { title: a.match.clause.title, range: a.match.clause.heading.range, score: Math.round(a.match.score * 1000) / 1000 } : null,
    })),
  };
}

/** Display width: CJK and full-width characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i]))));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i]))).join('  ').trimEnd()).join('\n') + '\n';
}

export function runAlign(args: CliArgs, io: CliIo): number {
  const l = load('align', args, io);
  if (!l) return EXIT_TROUBLE;
  const json = alignJson(l);
  if (args.format === 'json') {
    io.out(JSON.stringify(json, null, 2) + '\n');
    return EXIT_OK;
  }
  const rows = [[t('行'), t('本文条款'), t('上级条款'), t('相似度')]];
  for (const [i, a] of alignDocuments(l.doc, l.upperDoc).entries()) {
    const m = json.matches[i].match;
    rows.push([
      String(a.clause.heading.range.start.line + 1),
      '  '.repeat(a.clause.heading.level - 1) + shorten(a.clause.heading.marker + a.clause.title),
      a.match ? `${shorten(a.match.clause.heading.marker + a.match.clause.title)}（${t('第 {0} 行', a.match.clause.heading.range.start.line + 1)}）` : t('（无对应条款）'),
      m ? m.score.toFixed(2) : '',
    ]);
  }
  io.out(`${l.file} → ${l.upper}\n${table(rows)}`);
  return EXIT_OK;
}

export function runCoverage(args: CliArgs, io: CliIo): number {
  const l = load('coverage', args, io);
  if (!l) return EXIT_TROUBLE;
  const rows = coverage(l.doc, l.upperDoc);
  const counts = coverageCounts(rows);
  const lines = [[t('上级条款'), t('状态'), t('本文条款'), t('相似度')]];
  for (const r of rows) {
    const h = r.upper.heading;
    const local = r.local.map((m) => `${shorten(m.clause.heading.marker + m.clause.title)}（${t('第 {0} 行', m.clause.heading.range.start.line + 1)}）`);
    lines.push(['  '.repeat(h.level - 1) + shorten(h.marker + h.title), statusName(r.status), local[0] ?? '', r.local.length ? r.local[0].score.toFixed(2) : '']);
    for (const more of local.slice(1)) lines.push(['', '', more, '']);
  }
  const summary = `${statusName('covered')} ${counts.covered} · ${statusName('weak')} ${counts.weak} · ${statusName('missing')} ${counts.missing}`;
  io.out(`${l.upper} ← ${l.file}\n${summary}\n\n${table(lines)}`);
  return EXIT_OK;
}
