/**
 * `gongwen.server.documentInfo`: what the status-bar item shows of the active document besides its
 * findings (issue #20) — the covering document's genre as the outline names it (`通知（印发）`, `意见`,
 * `公文` without a title) and the kind of each document it issues or forwards (`实施方案`).
 */
import { coverName } from './symbols';
import { titleCore, DOCUMENT_KIND } from '../model/genre';
import type { CommandResult } from './commands';
import type { FeatureContext } from './types';

export const DOCUMENT_INFO_COMMAND = 'gongwen.server.documentInfo';

export interface DocumentInfo {
  genre: string;
  /** The kind word of each issued or forwarded document's title (实施方案, 办法 …), in order, once each. */
  carried: string[];
}

/** The last words of a title that say what it is: 实施方案, 实施意见, 管理办法 → 办法. */
function kindOf(title: string): string | undefined {
  const core = titleCore(title);
  const m = DOCUMENT_KIND.exec(core);
  if (!m) return undefined;
  const lead = core.slice(0, m.index).match(/(实施|工作|行动|管理|暂行)$/);
  return `${lead?.[0] ?? ''}${m[0]}`;
}

export function documentInfo(ctx: FeatureContext): DocumentInfo {
  const { doc } = ctx;
  const carried = doc.parts
    .filter((p) => p.kind === 'issued' || p.kind === 'forwarded')
    .map((p) => (p.title ? kindOf(p.title.text) : undefined))
    .filter((k): k is string => !!k);
  return { genre: coverName(doc.genre ?? doc.parts[0]?.genre), carried: [...new Set(carried)] };
}

export function documentInfoCommand(ctx: FeatureContext): CommandResult {
  return { data: documentInfo(ctx) };
}
