/**
 * `exportDocx(doc)`: the parsed document as an issuance-ready .docx in the 通用格式 of GB/T 9704-2012
 * (issue #16). Pure: bytes out; the CLI and the editor decide where they go.
 */
import { strToU8, zipSync } from 'fflate';
import type { GongwenDocument } from '../model/types';
import { exportContent, type Piece } from './content';
import { blankFooterXml, documentXml, escapeXml, footerXml, NS } from './wordml';
import { blankBeforeImprint, paginate } from './pages';
import { FONT, FOOTER, SIZE, LINE_PITCH } from './layout';
import { LANDSCAPE_FOOTER_IDS, LANDSCAPE_FOOTERS, landscapeFooterXml } from './landscape';
import { formatOf, LETTER_FOOTER, letterFooterXml, letterHeaderXml, specialPieces, type ExportFormat } from './special';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const CONTENT_TYPES =
  XML +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
  '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>' +
  '<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '</Types>';

const ROOT_RELS =
  XML +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '</Relationships>';

const DOCUMENT_RELS =
  XML +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  '<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>' +
  '<Relationship Id="rIdFooterOdd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>' +
  '<Relationship Id="rIdFooterEven" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>' +
  '</Relationships>';

/** Content type and relationship type of a header or footer part. */
const PART_KIND = {
  header: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml', rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/header' },
  footer: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml', rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer' },
} as const;

/** Adds a part to the package: its XML, its content type and the document's relationship to it under `id`. */
function addPart(parts: Record<string, string>, file: string, id: string, xml: string, kind: keyof typeof PART_KIND = 'footer'): void {
  const { type, rel } = PART_KIND[kind];
  parts[`word/${file}`] = xml;
  parts['[Content_Types].xml'] = parts['[Content_Types].xml'].replace('</Types>', `<Override PartName="/word/${file}" ContentType="${type}"/></Types>`);
  parts['word/_rels/document.xml.rels'] = parts['word/_rels/document.xml.rels'].replace('</Relationships>', `<Relationship Id="${id}" Type="${rel}" Target="${file}"/></Relationships>`);
}

/** Body text by default: 3号仿宋, exact line height of the grid, Chinese as the language. */
const STYLES =
  XML +
  `<w:styles ${NS}><w:docDefaults><w:rPrDefault><w:rPr>` +
  `<w:rFonts w:ascii="${FONT.仿宋}" w:eastAsia="${FONT.仿宋}" w:hAnsi="${FONT.仿宋}" w:cs="${FONT.仿宋}"/>` +
  `<w:kern w:val="2"/><w:sz w:val="${SIZE.三号}"/><w:szCs w:val="${SIZE.三号}"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>` +
  `</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="${LINE_PITCH}" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>` +
  `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:rPr><w:sz w:val="${SIZE.三号}"/><w:szCs w:val="${SIZE.三号}"/></w:rPr></w:style>` +
  '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
  '</w:styles>';

/**
 * Different footers on odd and even pages (the page number changes sides, §7.5), mirrored margins (the
 * 订口 is on the left of odd pages and the right of even ones, §5.2.2), punctuation not compressed so
 * that every character keeps its cell of the grid.
 */
const SETTINGS =
  XML +
  `<w:settings ${NS}><w:mirrorMargins/><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>` +
  '<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>';

const core = (title: string) =>
  XML +
  '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
  `<dc:title>${escapeXml(title)}</dc:title><dc:creator>gongwen</dc:creator></cp:coreProperties>`;

export interface DocxExport {
  bytes: Uint8Array;
  /** What the export supplied (a placeholder for a missing 发文字号 or 署名), for the user. */
  warnings: string[];
  /** The parts of the package, for tests. */
  parts: Record<string, string>;
  /** The layout used (the genre's or the one asked for). */
  format: ExportFormat;
}

export interface ExportOptions {
  /** The layout: 通用格式, or a special format of §10; by default from the genre (special.ts `formatOf`). */
  format?: ExportFormat;
  /** Fonts the standard names → fonts installed instead (settings `export.fonts`); the default keeps the standard's names. */
  fonts?: Readonly<Record<string, string>>;
}

/** Every font name written in a w:rFonts that `fonts` maps, replaced by its mapping. */
export function mapFonts(xml: string, fonts: Readonly<Record<string, string>> = {}): string {
  if (Object.keys(fonts).length === 0) return xml;
  return xml.replace(/<w:rFonts [^>]*\/>/g, (tag) => tag.replace(/(w:(?:ascii|eastAsia|hAnsi|cs)=")([^"]*)"/g, (all, attr: string, name: string) => {
    const to = Object.prototype.hasOwnProperty.call(fonts, unescape(name)) ? fonts[unescape(name)] : undefined;
    return to === undefined ? all : `${attr}${escapeXml(to)}"`;
  }));
}
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export function exportDocx(doc: GongwenDocument, options: ExportOptions = {}): DocxExport {
  const content = exportContent(doc);
  const { warnings } = content;
  const format = options.format ?? formatOf(doc);
  const pieces = specialPieces(content.pieces, doc, format);
  const letterLogo = pieces.find((p): p is Extract<Piece, { kind: 'logo' }> => p.kind === 'logo' && p.format === 'letter');
  const title = pieces.find((p) => p.kind === 'title')?.text ?? '';
  // Issue #16: the pagination engine decides whether a blank page stands before the 版记 (wordml.ts documentXml).
  const blankPage = pieces.some((p) => p.kind === 'imprint') && blankBeforeImprint(paginate(pieces));
  const parts: Record<string, string> = {
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': ROOT_RELS,
    'docProps/core.xml': core(title),
    'word/_rels/document.xml.rels': DOCUMENT_RELS,
    'word/document.xml': documentXml(pieces, { blankPage }),
    'word/styles.xml': STYLES,
    'word/settings.xml': SETTINGS,
    // 信函格式: footers 20 mm from the bottom for the lower double line; the numbers lifted back to 7 mm under the 版心.
    'word/footer1.xml': footerXml('odd', letterLogo ? FOOTER - LETTER_FOOTER : 0),
    'word/footer2.xml': footerXml('even', letterLogo ? FOOTER - LETTER_FOOTER : 0),
  };
  if (parts['word/document.xml'].includes(LANDSCAPE_FOOTER_IDS.odd)) {
    // Wide tables on landscape pages (landscape.ts): their footers, the page number turned with the sheet.
    for (const side of ['odd', 'even'] as const) addPart(parts, LANDSCAPE_FOOTERS[side], LANDSCAPE_FOOTER_IDS[side], landscapeFooterXml(side));
  }
  if (letterLogo) {
    // 信函格式: the first page's own header and footer (special.ts).
    addPart(parts, 'header1.xml', 'rIdHeaderFirst', letterHeaderXml(letterLogo.text), 'header');
    addPart(parts, 'footer3.xml', 'rIdFooterFirst', letterFooterXml());
  }
  // The empty footer of the blank page and the 版记 page after it (§7.5).
  if (blankPage) addPart(parts, 'footer4.xml', 'rIdFooterBlank', blankFooterXml());
  for (const name of Object.keys(parts)) if (name.startsWith('word/')) parts[name] = mapFonts(parts[name], options.fonts);
  // A fixed time stamp: the same document exports to the same bytes.
  const files = Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, [strToU8(xml), { mtime: new Date(1980, 0, 1) }] as [Uint8Array, { mtime: Date }]]));
  return { bytes: zipSync(files, { level: 6 }), warnings, parts, format };
}
