import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InsertTextFormat } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { loadKnowledge } from '../../server/src/io/knowledge';

/** An office's own clause templates, named by gongwen.json `templates` (issue #6). */
describe('drafting: an office’s own clause templates', () => {
  const plan = '平阴县人民政府关于印发平阴县全民科学素质行动规划纲要实施方案的通知\n一、总体要求\n（一）指导思想。坚持统筹推进。\n二、保障措施\n';
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-templates-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const clauses = (templates: string | undefined) => {
    const { knowledge, warnings } = loadKnowledge(templates ? { templates } : {}, dir);
    const service = createLanguageService({ knowledge });
    const items = service.completion(service.parse('mem://plan.gw', plan), { line: 4, character: 0 });
    return { labels: items.filter((i) => i.insertTextFormat === InsertTextFormat.Snippet).map((i) => String(i.label)), warnings };
  };

  it('offers the office’s clause before the bundled ones of the same section', () => {
    const own = { genre: '实施方案', sections: [{ id: 'office-guarantee', headings: ['保障措施'], clauses: [{ title: '建立督查通报制度', body: '{级}政府督查室每季度通报一次进展。' }] }] };
    fs.writeFileSync(path.join(dir, 'own.json'), JSON.stringify(own));
    const { labels, warnings } = clauses('own.json');
    assert.deepEqual(warnings, []);
    assert.equal(labels[0], '建立督查通报制度');
    assert.ok(labels.includes('加强组织领导'), 'the bundled clauses are still offered');
  });

  it('without the file configured offers only the bundled clauses', () => {
    assert.ok(!clauses(undefined).labels.includes('建立督查通报制度'));
  });

  it('a malformed file gives one warning naming it and keeps the bundled templates', () => {
    fs.writeFileSync(path.join(dir, 'bad.json'), '{ "genre": "实施方案", ');
    const { labels, warnings } = clauses('bad.json');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /bad\.json/);
    assert.ok(labels.includes('加强组织领导'));
  });

  it('a malformed section is named and skipped, the valid ones are used', () => {
    const own = { genre: '实施方案', sections: [{ id: 'x', headings: [] }, { id: 'ok', headings: ['保障措施'], clauses: [{ title: '落实考核评价', body: '纳入年度考核。' }] }] };
    fs.writeFileSync(path.join(dir, 'mixed.json'), JSON.stringify(own));
    const { labels, warnings } = clauses('mixed.json');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /sections\[0\]/);
    assert.equal(labels[0], '落实考核评价');
  });
});
