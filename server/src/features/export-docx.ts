/**
 * Command `gongwen.server.exportDocx` (issue #16): the document as an issuance-ready .docx in the
 * GB/T 9704-2012 layout. `data`: { docx: the bytes in base64, warnings: what the export supplied }.
 * The client asks before exporting a document with errors and writes the file where the user says.
 */
import type { CommandResult } from './commands';
import type { FeatureContext } from './types';

export const EXPORT_DOCX_COMMAND = 'gongwen.server.exportDocx';

export function exportDocxCommand(ctx: FeatureContext): CommandResult {
  // Required here, not at load: the .docx writer and its zip library are for this command only (issue #18).
  const { exportDocx } = require('../export/docx') as typeof import('../export/docx');
  const { bytes, warnings } = exportDocx(ctx.doc, { fonts: ctx.settings.export.fonts });
  return { data: { docx: Buffer.from(bytes).toString('base64'), warnings } };
}
