/**
 * The annotated copy of a .docx (issue #15), one flow for `gongwen lint --annotate` and the editor's
 * 公文：把问题写入 Word 副本: each finding of the text read from the file becomes a Word comment (the
 * message, the rule, and the suggested fix when the rule offers one) and, unless the caller asks for
 * comments only, each certain fix a tracked change the drafter accepts or rejects in Word. Bytes in,
 * bytes out: the callers read the file and write the copy, never the file itself.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { t } from '../l10n';
import type { GongwenDocument } from '../model/types';
import type { LanguageService } from '../service';

export interface AnnotatedCopy {
  bytes: Uint8Array;
  diagnostics: Diagnostic[];
  /** Tracked changes written (0 with `commentsOnly`). */
  tracked: number;
  /** Certain fixes offered (what `tracked` was written from). */
  fixes: number;
}

/** The comment: message, rule id, and the suggested fix when the rule offers one. */
export function commentText(service: LanguageService, doc: GongwenDocument, d: Diagnostic): string {
  const same = (x: Diagnostic) => x.code === d.code && x.message === d.message && x.range.start.line === d.range.start.line && x.range.start.character === d.range.start.character;
  const actions = service.codeActions(doc, d.range).filter((a) => a.diagnostics?.some(same));
  const fix = actions.find((a) => a.isPreferred) ?? actions[0];
  const lines = [typeof d.message === 'string' ? d.message : d.message.value, t('规则：{0}', String(d.code ?? ''))];
  if (fix) lines.push(t('建议：{0}', fix.title));
  return lines.join('\n');
}

/** `doc` is the text read from `bytes`; undefined when the .docx's structure cannot be annotated. */
export function annotatedCopy(service: LanguageService, doc: GongwenDocument, bytes: Uint8Array, commentsOnly = false): AnnotatedCopy | undefined {
  const diagnostics = service.diagnostics(doc);
  const fixes = commentsOnly ? [] : service.certainEdits(doc).map((e) => ({ start: e.range.start, end: e.range.end, newText: e.newText }));
  const comments = diagnostics.map((d) => ({ start: d.range.start, end: d.range.end, text: commentText(service, doc, d) }));
  const { annotateDocx } = require('../io/docx/annotate') as typeof import('../io/docx/annotate'); // loaded only here (issue #18)
  const annotated = annotateDocx(bytes, comments, {}, fixes);
  if (typeof annotated === 'string') return undefined;
  return { bytes: annotated.bytes, diagnostics, tracked: annotated.tracked, fixes: fixes.length };
}
