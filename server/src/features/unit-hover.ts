/** Issue #4. Placeholder until that issue lands. */
import type { Hover, Position } from 'vscode-languageserver-types';
import type { FeatureContext } from './types';

export function unitHover(_ctx: FeatureContext, _position: Position): Hover | null {
  return null;
}
