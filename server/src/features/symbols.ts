import type { DocumentSymbol } from 'vscode-languageserver-types';
import type { GongwenDocument } from '../model/types';

export function documentSymbols(_doc: GongwenDocument): DocumentSymbol[] {
  return []; // TODO(foundation): implemented with the parser
}
