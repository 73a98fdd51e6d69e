/** Completion: unit names (issue #4) and drafting help (issue #6), each in its own file. */
import type { CompletionItem, Position } from 'vscode-languageserver-types';
import type { FeatureContext } from './types';
import { unitCompletions } from './unit-completion';
import { draftingCompletions } from './drafting-completion';

export function completion(ctx: FeatureContext, position: Position): CompletionItem[] {
  return [...unitCompletions(ctx, position), ...draftingCompletions(ctx, position)];
}
