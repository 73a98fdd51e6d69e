/** Issue #6. Placeholder until that issue lands. */
import type { CompletionItem, Position } from 'vscode-languageserver-types';
import type { FeatureContext } from './types';

export function draftingCompletions(_ctx: FeatureContext, _position: Position): CompletionItem[] {
  return [];
}
