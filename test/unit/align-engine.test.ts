/** The alignment engine on the seeds: clauses, matches across a city and a county document, no match. */
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/src/model/parse';
import { alignDocuments } from '../../server/src/align/align';
import { clausesOf } from '../../server/src/align/clauses';
import { readSeed } from './helpers';

const rushan = parseDocument('file:///ws/000.txt', readSeed('000'));
const weihai = parseDocument('file:///ws/002.txt', readSeed('002'));

describe('align: engine', () => {
  it('every heading and task item is a clause, with its own body (not its title) in the text', () => {
    const clauses = clausesOf(rushan);
    assert.equal(clauses.length, rushan.allHeadings.length);
    const first = clauses.find((c) => c.title === '弘扬和传承科学精神')!;
    assert.ok(first.text.startsWith('。坚持立德树人'), first.text.slice(0, 20));
  });

  it('乳山 clauses find the 威海 clauses they implement', () => {
    const byTitle = new Map(alignDocuments(rushan, weihai).map((a) => [a.clause.title, a]));
    assert.equal(byTitle.get('老年人科学素质提升行动')!.match?.clause.title, '提升老年人科学素质');
    assert.equal(byTitle.get('建立应急科普协调联动机制')!.match?.clause.title, '加强应急科普工作');
    const score = byTitle.get('老年人科学素质提升行动')!.match!.score;
    assert.ok(score > 0.5 && score <= 1, String(score));
  });

  it('a clause with nothing like it in the other document has no match', () => {
    const unrelated = parseDocument('file:///ws/x.txt', '一、财务报销\n差旅费按标准报销，发票须在三十日内提交。\n');
    const [a] = alignDocuments(unrelated, weihai);
    assert.equal(a.match, undefined);
    assert.ok(a.best && a.best.score < 0.5);
  });

  it('is cached per pair of parsed documents', () => {
    assert.equal(alignDocuments(rushan, weihai), alignDocuments(rushan, weihai));
  });
});
