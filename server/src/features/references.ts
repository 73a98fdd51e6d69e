/** Issue #5: from a clause of an upper plan, every clause in the workspace that implements it. */
import type { Location, Position } from 'vscode-languageserver-types';
import type { FeatureContext } from './types';

export function references(_ctx: FeatureContext, _position: Position): Location[] {
  return [];
}
