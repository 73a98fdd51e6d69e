import type { FoldingRange } from 'vscode-languageserver-types';
import type { GongwenDocument } from '../model/types';

export function foldingRanges(_doc: GongwenDocument): FoldingRange[] {
  return []; // TODO(foundation): implemented with the parser
}
