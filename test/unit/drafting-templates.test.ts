/** Clause templates (seeds/templates/*.json): valid data, and written in our own words. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundledTemplates, genreOf, validateTemplates } from '../../server/src/drafting/templates';
import { templateSnippet, fillTemplate } from '../../server/src/drafting/snippet';
import { prefixOfIssuer } from '../../server/src/drafting/jurisdiction';
import { ROOT, SEEDS_DIR } from './helpers';

const DIR = path.join(ROOT, 'seeds', 'templates');
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.json'));

describe('clause templates', () => {
  it('every bundled file validates without problems, one set per genre', () => {
    for (const f of files) {
      const { set, problems } = validateTemplates(JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')));
      assert.deepEqual(problems, [], f);
      assert.ok(set && set.sections.length > 0, f);
    }
    assert.deepEqual(bundledTemplates().map((s) => s.genre).sort(), ['实施意见', '实施方案']);
  });

  it('names and skips a malformed section instead of failing', () => {
    const r = validateTemplates({ genre: '实施方案', sections: [{ id: 'a', headings: ['保障措施'], clauses: [{ title: '甲', body: '乙' }] }, { id: '', headings: [], clauses: [] }] });
    assert.equal(r.set?.sections.length, 1);
    assert.deepEqual(r.problems, ['sections[1]: id']);
    assert.deepEqual(validateTemplates([]).problems, ['genre/sections']);
  });

  it('copies no sentence of the seeds (no run of 16 characters of a body, responsibility clauses aside, appears in a seed)', () => {
    const seeds = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt'))
      .map((f) => fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8').replace(/\s+/g, '')).join('\n');
    const copied: string[] = [];
    for (const set of bundledTemplates()) {
      for (const section of set.sections) {
        for (const c of section.clauses) {
          // Responsibility clauses (（县科协负责）) are names, not sentences: left out of the comparison.
          const body = fillTemplate(c.body, '县', '县科协').replace(/（[^（）]{0,60}负责）/g, '');
          for (let i = 0; i + 16 <= body.length; i++) if (seeds.includes(body.slice(i, i + 16))) copied.push(body.slice(i, i + 16));
        }
      }
    }
    assert.deepEqual(copied, []);
  });

  it('turns {级} and {牵头单位} into mirrored tab stops and escapes snippet syntax', () => {
    assert.equal(templateSnippet('{级}政府与{牵头单位}，{级}财政{经费}$}', '区'), '${1:区}政府与${2:$1科协}，$1财政${3:经费}\\$\\}');
    assert.equal(templateSnippet('{级}政府', undefined), '${1|市,县,区|}政府');
  });

  it('tells the genre and the jurisdiction prefix', () => {
    assert.equal(genreOf('关于加强新时代科普工作的实施意见'), '实施意见');
    assert.equal(genreOf(undefined), '实施方案');
    assert.equal(prefixOfIssuer('济宁市兖州区人民政府'), '区');
    assert.equal(prefixOfIssuer('平阴县人民政府'), '县');
    assert.equal(prefixOfIssuer('威海市科学技术局'), '市');
  });
});
