/**
 * Renumbering (issue #3): a pure function over the model, exposed as the server command
 * `gongwen.server.renumber` and as a fix of `heading-sequence` findings. Since issue #14 it is a fix
 * the user chooses and previews, never a certain one: it rewrites markers no finding names.
 */
import * as assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service';
import { headingAt, renumberDocument, renumberGroupOf } from '../../server/src/features/renumber';
import { readSeed } from './helpers';
import { applyEdits } from './format-edits';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { PREVIEW_ANNOTATION } from '../../server/src/features/previewed-edit';

const service = createLanguageService();
const parse = (text: string) => service.parse('mem://renumber.gw', text);
const renumbered = (text: string) => applyEdits(text, renumberDocument(parse(text)));
const codes = (text: string, prefix: string) => service.diagnostics(parse(text)).filter((d) => String(d.code).startsWith(prefix)).map((d) => `${d.range.start.line + 1} ${d.code}`);

/** Cuts the text from `from` (inclusive) up to `to` (exclusive), each occurring once. */
function cut(text: string, from: string, to: string): string {
  const a = text.indexOf(from);
  const b = text.indexOf(to);
  assert.ok(a >= 0 && b > a && text.indexOf(from, a + 1) < 0, `${from} … ${to}`);
  return text.slice(0, a) + text.slice(b);
}

describe('renumber: the pure function', () => {
  it('closes a gap, a repeat and a reversal in each level’s numeral system', () => {
    assert.equal(renumbered('一、甲\n三、乙\n三、丙\n'), '一、甲\n二、乙\n三、丙\n');
    assert.equal(renumbered('一、甲\n（二）子。内容。\n（一）丑。内容。\n1.寅。内容。\n3.卯。内容。\n'), '一、甲\n（一）子。内容。\n（二）丑。内容。\n1.寅。内容。\n2.卯。内容。\n');
  });

  it('keeps the marker form the drafter wrote (half-width brackets, full-width dot)', () => {
    assert.equal(renumbered('一、甲\n(二)子。内容。\n(三)丑。内容。\n1．寅。内容。\n3．卯。内容。\n'), '一、甲\n(一)子。内容。\n(二)丑。内容。\n1．寅。内容。\n2．卯。内容。\n');
  });

  it('changes nothing on the five seeds (their numbering is right, 002 continuous)', () => {
    for (const seed of ['000', '001', '002', '003', '004']) assert.deepEqual(renumberDocument(parse(readSeed(seed))), [], seed);
  });

  it('after a section is deleted from seed 004, renumbers the level and the stated count 实施5项提升行动', () => {
    const seed = readSeed('004');
    const deleted = cut(seed, '（二）农民科学素质提升行动。', '（三）产业工人科学素质提升行动。');
    assert.ok(codes(deleted, 'heading-').length > 0);
    const fixed = renumbered(deleted);
    assert.deepEqual(codes(fixed, 'heading-').filter((c) => !c.endsWith('heading-style')), []);
    assert.ok(fixed.includes('实施4项提升行动'));
    assert.ok(fixed.includes('（二）产业工人科学素质提升行动。') && fixed.includes('（三）老年人科学素质提升行动。'));
    // Only the markers and the count changed: same length, same lines.
    assert.equal(fixed.length, deleted.length);
    assert.equal(fixed.split('\n').length, deleted.split('\n').length);
  });

  it('keeps continuous numbering across sections (seed 002) when a section is deleted', () => {
    const seed = readSeed('002');
    const deleted = cut(seed, '（八）', '四、深入推进');
    const fixed = renumbered(deleted);
    assert.deepEqual(codes(fixed, 'heading-sequence'), []);
    const markers = parse(fixed).allHeadings.filter((h) => h.kind === 'paren-chinese').map((h) => h.marker);
    assert.deepEqual(markers.slice(6, 10), ['（七）', '（八）', '(九)', '(十)']);
    assert.equal(markers[markers.length - 1], '（十八）');
  });

  it('renumbers one sibling group only (with a restarting level)', () => {
    const text = '一、甲\n（一）子。内容。\n（三）丑。内容。\n二、乙\n（二）寅。内容。\n（三）卯。内容。\n三、丙\n（一）辰。内容。\n';
    const doc = parse(text);
    const second = doc.headings[0].children[1];
    assert.equal(applyEdits(text, renumberGroupOf(doc, second)), '一、甲\n（一）子。内容。\n（二）丑。内容。\n二、乙\n（二）寅。内容。\n（三）卯。内容。\n三、丙\n（一）辰。内容。\n');
    assert.equal(headingAt(doc, { line: 2, character: 5 }), second);
  });
});

/** The edits of a previewed WorkspaceEdit: one document change, every edit annotated, the annotation asking for confirmation. */
function previewed(edit: WorkspaceEdit): TextEdit[] {
  assert.equal(edit.changes, undefined);
  const [change] = edit.documentChanges ?? [];
  assert.ok(change && 'edits' in change && change.textDocument.uri === 'mem://renumber.gw');
  assert.equal(edit.changeAnnotations?.[PREVIEW_ANNOTATION]?.needsConfirmation, true);
  for (const e of change.edits) assert.equal('annotationId' in e && e.annotationId, PREVIEW_ANNOTATION);
  return change.edits as TextEdit[];
}

describe('renumber: as a fix and as a command', () => {
  const text = '一、提升行动\n实施3项提升行动。\n（一）甲行动。内容。\n（三）乙行动。内容。\n二、保障\n内容。\n';

  it('each heading-sequence finding offers 重新编号本级标题, previewed and not preferred', () => {
    const doc = parse(text);
    const [d] = service.diagnostics(doc).filter((x) => x.code === 'heading-sequence');
    const action = service.codeActions(doc, d.range).find((a) => a.title === '重新编号本级标题');
    assert.ok(action);
    // Not preferred: the renumbering rewrites 实施3项 and （三）, which this finding does not name.
    assert.equal(action.isPreferred, false);
    const fixed = applyEdits(text, previewed(action.edit!));
    assert.equal(fixed, '一、提升行动\n实施2项提升行动。\n（一）甲行动。内容。\n（二）乙行动。内容。\n二、保障\n内容。\n');
    assert.deepEqual(service.diagnostics(parse(fixed)), []);
  });

  it('neither --fix, formatting nor fix-all renumbers', () => {
    const doc = parse(text);
    // What stays certain is heading-count's own finding (实施3项 → 2 under two headings); the
    // marker （三） is left for the user to renumber.
    assert.equal(applyEdits(text, service.certainEdits(doc)), '一、提升行动\n实施2项提升行动。\n（一）甲行动。内容。\n（三）乙行动。内容。\n二、保障\n内容。\n');
    const all = service.codeActions(doc, { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } });
    const chosen = all.filter((a) => a.isPreferred || a.title.startsWith('修复本文中全部')).map((a) => a.title);
    assert.deepEqual(chosen, ['改为 2']);
  });

  it('gongwen.server.renumber returns the edit for the whole document or one group', () => {
    assert.ok(service.commands.includes('gongwen.server.renumber'));
    const doc = parse(text);
    const all = service.executeCommand('gongwen.server.renumber', doc, []);
    assert.equal(applyEdits(text, previewed(all.edit!)), '一、提升行动\n实施2项提升行动。\n（一）甲行动。内容。\n（二）乙行动。内容。\n二、保障\n内容。\n');
    const group = service.executeCommand('gongwen.server.renumber', doc, [{ line: 3, character: 0 }]);
    assert.deepEqual(group.data, { changed: 2 });
    const clean = parse('一、甲\n二、乙\n');
    assert.deepEqual(service.executeCommand('gongwen.server.renumber', clean, ['document']), { edit: undefined, data: { changed: 0 } });
  });
});
