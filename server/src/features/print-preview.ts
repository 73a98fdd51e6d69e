/**
 * Command `gongwen.server.printPreview` (issue #16): the pages of the document as the export lays them
 * out (export/pages.ts), for the print preview beside the editor. `data`: { pages: the laid-out pages,
 * each line with its source offsets; warnings: what the export would supply }.
 */
import type { CommandResult } from './commands';
import type { FeatureContext } from './types';

export const PRINT_PREVIEW_COMMAND = 'gongwen.server.printPreview';

export function printPreviewCommand(ctx: FeatureContext): CommandResult {
  // Loaded at the first preview, not at every start: a `gongwen lint` never lays pages out (~1 % of a one-seed lint, issue #18).
  const { exportContent } = require('../export/content') as typeof import('../export/content');
  const { paginate } = require('../export/pages') as typeof import('../export/pages');
  const { formatOf, specialPieces } = require('../export/special') as typeof import('../export/special');
  const { pieces, warnings } = exportContent(ctx.doc);
  // The pieces the export writes: a 函, 令 or 纪要 in its special format (§10), as `exportDocx` lays it out by default.
  return { data: { pages: paginate(specialPieces(pieces, ctx.doc, formatOf(ctx.doc)), ctx.doc.text), warnings } };
}
