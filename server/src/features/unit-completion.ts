/** Issue #4. Placeholder until that issue lands. */
import type { CompletionItem, Position } from 'vscode-languageserver-types';
import type { FeatureContext } from './types';

export function unitCompletions(_ctx: FeatureContext, _position: Position): CompletionItem[] {
  return [];
}
