/**
 * The clauses of a plan that alignment compares: every heading and task item (`——` items too),
 * with its title and the text that says what it is about (its own body and its children's titles).
 */
import type { GongwenDocument, Heading } from '../model/types';
import { perDocument } from '../model/memo';

export interface Clause {
  heading: Heading;
  /** Title as written, without the marker. */
  title: string;
  /** Title, own body and the titles of the children: what the clause is about. */
  text: string;
}

/** Bodies are long; their start says what the clause does (GB/T 9704 headings lead a topic paragraph). */
const BODY_CHARS = 300;

/** This module's key in the document's memo (model/memo.ts). */
const CLAUSES = Symbol('clauses');

export function clausesOf(doc: GongwenDocument): Clause[] {
  return perDocument(doc, CLAUSES, () => doc.allHeadings.map((heading) => {
    const body = heading.body.map((b) => b.text).join('');
    // A body block starts with the heading line itself (`1.弘扬…。坚持…`): drop the marker and title.
    const headStart = body.indexOf(heading.title);
    const own = (headStart >= 0 && headStart < 12 ? body.slice(headStart + heading.title.length) : body).slice(0, BODY_CHARS);
    const childTitles = heading.children.map((c) => c.title).join('；');
    return { heading, title: heading.title, text: `${own}；${childTitles}` };
  }));
}
