/** Issue #5: from a clause to the matching clause of each upper plan; from a citation to the cited document. */
import type { Location, Position } from 'vscode-languageserver-types';
import type { FeatureContext } from './types';

export function definition(_ctx: FeatureContext, _position: Position): Location[] {
  return [];
}
