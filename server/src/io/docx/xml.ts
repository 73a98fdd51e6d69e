/**
 * The XML of a .docx as a DOM (@xmldom/xmldom): the reader needs document order and parent links,
 * and `--annotate` edits the same tree and writes it back. xmldom never fetches external entities or
 * DTDs, so a hostile document cannot make us read anything but its own parts.
 */
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';

/** WordprocessingML, transitional and strict. */
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W_STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
export const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

export class XmlError extends Error {}

export function parseXml(xml: string): Document {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new XmlError(message);
    },
  }).parseFromString(xml, 'text/xml');
  if (!doc.documentElement) throw new XmlError('empty');
  return doc;
}

export function serializeXml(doc: Document): string {
  return new XMLSerializer().serializeToString(doc);
}

export const isElement = (n: Node | null | undefined): n is Element => !!n && n.nodeType === 1;

/** A WordprocessingML element named `name` (w:p, w:r …). */
export function isW(n: Node | null | undefined, name: string): boolean {
  return isElement(n) && n.localName === name && (n.namespaceURI === W || n.namespaceURI === W_STRICT);
}

export function children(el: Element): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (isElement(c)) out.push(c);
  return out;
}

export function child(el: Element | undefined, name: string): Element | undefined {
  if (!el) return undefined;
  for (let c = el.firstChild; c; c = c.nextSibling) if (isElement(c) && isW(c, name)) return c;
  return undefined;
}

/** A w: attribute (`w:val`), whatever prefix the document gave the namespace. */
export function wAttr(el: Element | undefined, name: string): string | undefined {
  if (!el) return undefined;
  return el.getAttributeNS(W, name) ?? el.getAttributeNS(W_STRICT, name) ?? el.getAttribute('w:' + name) ?? undefined;
}

/** A w:b-style switch: present and not `false`/`0`/`off`. */
export function isOn(el: Element | undefined): boolean {
  if (!el) return false;
  const v = wAttr(el, 'val');
  return v === undefined || !['false', '0', 'off'].includes(v);
}
