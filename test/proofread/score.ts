/**
 * The crafted proofreading corpora (test/proofread/<rule>.jsonl, issue #17): 公文-style sentences, each
 * with what a proofreader flags in it for that rule (`flag`, the text of the finding's range, or null for
 * a near miss that must stay quiet). `scoreCorpus` lints every sentence as a one-paragraph document and
 * counts per finding: true positive, false positive (a finding that is not the flag), false negative
 * (a flag the rule missed — a recall loss, never a precision one).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createLanguageService } from '../../server/src/service';

export const CORPUS_DIR = __dirname;

export interface CorpusLine {
  text: string;
  /** The text a finding of the rule must cover, or null. */
  flag: string | null;
  note?: string;
}

export interface CorpusScore {
  rule: string;
  sentences: number;
  truePositives: number;
  falsePositives: string[];
  falseNegatives: string[];
  precision: number;
  recall: number;
}

export function corpusRules(): string[] {
  return readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.jsonl')).map((f) => f.slice(0, -'.jsonl'.length)).sort();
}

export function readCorpus(rule: string): CorpusLine[] {
  return readFileSync(join(CORPUS_DIR, `${rule}.jsonl`), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as CorpusLine);
}

const service = createLanguageService();

/** What the rule flags in one sentence: the text of each finding's range. */
export function flagsOf(rule: string, text: string): string[] {
  const lines = text.split('\n');
  return service
    .diagnostics(service.parse('mem://corpus.gw', text))
    .filter((d) => d.code === rule)
    .map((d) => {
      const { start, end } = d.range;
      if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
      return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
    });
}

export function scoreCorpus(rule: string): CorpusScore {
  const corpus = readCorpus(rule);
  let tp = 0;
  const fp: string[] = [];
  const fn: string[] = [];
  for (const line of corpus) {
    const flags = flagsOf(rule, line.text);
    let hit = false;
    for (const f of flags) {
      if (line.flag !== null && f === line.flag && !hit) {
        hit = true;
        tp++;
      } else fp.push(`${line.text} ⟶ ${f}`);
    }
    if (line.flag !== null && !hit) fn.push(`${line.text} ⟶ ${line.flag}`);
  }
  const found = tp + fp.length;
  const flagged = corpus.filter((l) => l.flag !== null).length;
  return {
    rule,
    sentences: corpus.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: found === 0 ? 1 : tp / found,
    recall: flagged === 0 ? 1 : tp / flagged,
  };
}
