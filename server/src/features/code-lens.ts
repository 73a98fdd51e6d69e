/** Issue #5: a lens above each clause naming its match in the upper plan. */
import type { CodeLens } from 'vscode-languageserver-types';
import type { FeatureContext } from './types';

export function codeLenses(_ctx: FeatureContext): CodeLens[] {
  return [];
}
