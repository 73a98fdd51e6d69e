/**
 * heading-sequence — siblings are numbered 1, 2, 3 … without gap, repeat or reversal
 * (GB/T 9704-2012 §7.3.3). Continuous numbering of one level across sections, as in seed 002
 * （一）…（十九）, is a legitimate style: a group may start where the previous group of the same
 * level and kind stopped.
 */
import type { GongwenDocument, Heading } from '../model/types';
import { t } from '../l10n';
import type { Finding, Fix, Rule } from './types';
import { markerWithNumber } from '../model/marker-format';
import { asciiDigits } from '../model/numbering';
import { decimalPrefix, renumberUnits, siblingGroups } from '../features/renumber';
import type { TextEdit } from 'vscode-languageserver-types';

/**
 * The fix of a numbering slip: renumber the sibling group, or the whole level when it is numbered
 * continuously (features/renumber.ts). It rewrites markers no finding names and can be wrong where
 * the numbering scheme is unusual, so it is a previewed fix the user chooses, never a certain one
 * (issue #14). Computed once per check; findings of one unit share one Fix object.
 */
function renumbering(doc: GongwenDocument): (h: Heading, finding: Finding) => Finding {
  let units: Map<Heading, TextEdit[]> | undefined;
  const fixes = new Map<TextEdit[], Fix>();
  return (h, finding) => {
    units ??= renumberUnits(doc);
    const edits = units.get(h);
    if (!edits || edits.length === 0) return finding;
    let fix = fixes.get(edits);
    if (!fix) fixes.set(edits, (fix = { title: t('重新编号本级标题'), edits, preview: true }));
    finding.fixes = [fix];
    return finding;
  };
}

function checkGroup(withRenumber: ReturnType<typeof renumbering>, group: Heading[], continueFrom: number | undefined, out: Finding[]): void {
  const first = group[0];
  if (first.number !== 1 && first.number !== (continueFrom ?? 0) + 1) {
    out.push(withRenumber(first, {
      range: first.markerRange,
      message: t('同级标题应从“{0}”开始编号，此处为“{1}”。', markerWithNumber(first, 1), first.marker),
    }));
  }
  for (let k = 1; k < group.length; k++) {
    const prev = group[k - 1];
    const h = group[k];
    if (h.number === prev.number + 1) continue;
    const expected = markerWithNumber(h, prev.number + 1);
    let message: string;
    if (h.number === prev.number) message = t('标题编号“{0}”与上一条重复，应为“{1}”。', h.marker, expected);
    else if (h.number < prev.number) message = t('标题编号“{0}”排在“{1}”之后，顺序颠倒，应为“{2}”。', h.marker, prev.marker, expected);
    else message = t('标题编号不连续：“{0}”之后应为“{1}”，此处为“{2}”。', prev.marker, expected, h.marker);
    out.push(withRenumber(h, { range: h.markerRange, message }));
  }
}

/**
 * A decimal heading `2.1` stands under the heading `2` (GB/T 9704 leaves the 预案 scheme to the
 * 预案 guidelines, which number each level under the one above). When no such heading is there —
 * the chapter line was left without its number — the number it should have is returned.
 */
function missingDecimalParent(first: Heading, parent: Heading | undefined): string | undefined {
  if (first.kind !== 'decimal' || (first.depth ?? 1) < 2) return undefined;
  const prefix = decimalPrefix(first.marker); // `2.3.` for 2.3.1: the heading it stands under is 2.3
  if (!prefix) return undefined;
  const above = Number(asciiDigits(prefix.slice(0, -1).split('.').pop()!));
  if (parent && parent.kind === 'decimal' && (parent.depth ?? 1) === (first.depth ?? 1) - 1 && parent.number === above) return undefined;
  return first.marker.trim().replace(/[.．][0-9０-９]+$/, '');
}

export const headingSequence: Rule = {
  id: 'heading-sequence',
  description: '同级标题编号连续，无跳号、重号或颠倒',
  defaultSeverity: 'error',
  fixable: true,
  check({ doc }) {
    const out: Finding[] = [];
    const withRenumber = renumbering(doc);
    // Last number used by the previous sibling group of each level+kind, for continuous numbering.
    const lastOfLevel = new Map<string, number>();
    for (const { key, headings, parent } of siblingGroups(doc)) {
      checkGroup(withRenumber, headings, lastOfLevel.get(key), out);
      lastOfLevel.set(key, headings[headings.length - 1].number);
      const lost = missingDecimalParent(headings[0], parent);
      if (lost) out.push({ range: headings[0].markerRange, message: t('“{0}”的上一级标题“{1}”缺失或没有编号。', headings[0].marker, lost) });
    }
    return out;
  },
};
