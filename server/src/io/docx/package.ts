/**
 * A .docx as a zip of XML parts, read with fflate (synchronous, so every caller — the CLI, the
 * server's workspace, the upper-plan index — reads a .docx as it reads a text file). Read as data
 * only: the main part is found through _rels/.rels, nothing outside the zip is followed (external
 * relations are never opened) and macros (vbaProject.bin) are never looked at.
 */
import { strFromU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { Document } from '@xmldom/xmldom';
import { children, parseXml } from './xml';

/** Bounds against zip bombs: one part, and all parts together, uncompressed. */
export const MAX_PART_BYTES = 64 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 256 * 1024 * 1024;

export type DocxFailure = 'not-zip' | 'not-docx' | 'too-large' | 'bad-xml';

export interface DocxPackage {
  /** Every part, in the zip's order (so a written copy keeps it). */
  files: Record<string, Uint8Array>;
  /** The main document part's path (usually word/document.xml). */
  main: string;
}

class Failure extends Error {
  constructor(readonly kind: DocxFailure) {
    super(kind);
  }
}

/** Opens the zip; `parts` limits which parts are inflated (all of them for `--annotate`). */
export function openPackage(bytes: Uint8Array, parts?: (name: string) => boolean): DocxPackage | DocxFailure {
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (parts && !parts(f.name)) return false;
        total += f.originalSize;
        if (f.originalSize > MAX_PART_BYTES || total > MAX_TOTAL_BYTES) throw new Failure('too-large');
        return true;
      },
    });
  } catch (err) {
    return err instanceof Failure ? err.kind : 'not-zip';
  }
  let main = 'word/document.xml';
  const rels = files['_rels/.rels'];
  if (rels) {
    try {
      const doc = parseXml(strFromU8(rels));
      for (const r of children(doc.documentElement!)) {
        if (r.getAttribute('Type')?.endsWith('/officeDocument') && r.getAttribute('TargetMode') !== 'External') {
          main = (r.getAttribute('Target') ?? main).replace(/^\//, '');
        }
      }
    } catch {
      return 'bad-xml';
    }
  }
  if (!files[main]) return 'not-docx';
  return { files, main };
}

/** The parts a reader needs: relations, the main document, numbering and styles. */
export const READ_PARTS = (name: string) => name.endsWith('.xml') || name.endsWith('.rels');

/** A part as XML, or undefined when the package has no such part; throws XmlError when it is not XML. */
export function partXml(pkg: DocxPackage, name: string): Document | undefined {
  const bytes = pkg.files[name];
  return bytes ? parseXml(strFromU8(bytes)) : undefined;
}

/** The part a relation of the main part names (numbering, styles, comments), by its type's last word. */
export function relatedPart(pkg: DocxPackage, type: string): string | undefined {
  const relsName = pkg.main.replace(/([^/]+)$/, '_rels/$1.rels');
  const rels = pkg.files[relsName];
  if (!rels) return undefined;
  const doc = parseXml(strFromU8(rels));
  const dir = pkg.main.replace(/[^/]+$/, '');
  for (const r of children(doc.documentElement!)) {
    if (r.getAttribute('Type')?.endsWith('/' + type) && r.getAttribute('TargetMode') !== 'External') {
      const target = r.getAttribute('Target') ?? '';
      return target.startsWith('/') ? target.slice(1) : dir + target;
    }
  }
  return undefined;
}

export function writePackage(files: Record<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) zippable[name] = [data, { level: 6 }];
  return zipSync(zippable);
}
