/** Hover: a unit (issue #4) or a clause's match in the upper plan / a citation (issue #5). */
import type { Hover, Position } from 'vscode-languageserver-types';
import type { FeatureContext } from './types';
import { unitHover } from './unit-hover';
import { planHover } from './plan-hover';

export function hover(ctx: FeatureContext, position: Position): Hover | null {
  return unitHover(ctx, position) ?? planHover(ctx, position);
}
