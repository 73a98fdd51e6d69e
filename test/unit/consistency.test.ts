/**
 * Document-internal consistency (issue #17): the model's readers of the 附件说明, the attachment bodies,
 * the 目录 and the 主送 list, and the certain fixes of attachment-list, addressee-punctuation and the
 * 主送 ending (notice-elements) applied to the text — after a fix, a second lint finds nothing of the rule.
 */
import * as assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service';
import { attachmentBodies, attachmentNotes } from '../../server/src/model/attachment-note';
import { tableOfContents } from '../../server/src/model/contents';
import { addresseeItems, isAddresseeList } from '../../server/src/model/addressee';
import { applyEdits } from './format-edits';

const service = createLanguageService();
const URI = 'mem://consistency.gw';
const parse = (text: string) => service.parse(URI, text);

/** Applies every certain edit and returns the text. */
function fixAll(text: string): string {
  return applyEdits(text, service.certainEdits(parse(text)));
}
const findings = (text: string, rule: string) => service.diagnostics(parse(text)).filter((d) => d.code === rule);

const notice = (note: string[], bodies: string[], addressee = '各镇人民政府，县政府各部门：') =>
  ['某政办发〔2024〕9号', '某某县人民政府办公室关于做好防汛工作的通知', addressee, '为做好今年防汛工作，现将有关事项通知如下。', '一、提高认识。各地要高度重视。', ...note, '某某县人民政府办公室', '2024年3月5日', ...bodies].join('\n');

describe('consistency: the model reads the 附件说明 and the bodies', () => {
  it('reads numbered names, a wrapped name and each body with its number and title lines', () => {
    const doc = parse(notice(['附件：1．某某县防汛责任人名单', '2．某某县防汛重点区域和重点时段', '　　管控措施一览表'], ['附件1', '某某县防汛责任人名单', '姓名', '附件二：', '某某县防汛重点区域和重点时段', '管控措施一览表', '', '区域']));
    const [note] = attachmentNotes(doc);
    assert.deepEqual(note.items.map((i) => [i.number, i.title, i.more[0]]), [[1, '某某县防汛责任人名单', undefined], [2, '某某县防汛重点区域和重点时段', '管控措施一览表']]);
    const bodies = attachmentBodies(doc);
    assert.deepEqual(bodies.map((b) => [b.numberText, b.number, b.titleLines.map((l) => l.text)]), [['1', 1, ['某某县防汛责任人名单', '姓名']], ['二', 2, ['某某县防汛重点区域和重点时段', '管控措施一览表']]]);
    assert.deepEqual(findings(doc.text, 'attachment-list').map((d) => String(d.message).slice(0, 12)), ['附件顺序号应使用阿拉伯数']);
  });

  it('a web copy without bodies and a single unnumbered name are quiet', () => {
    assert.deepEqual(findings(notice(['附件：1．某某县防汛责任人名单', '2．某某县防汛物资储备表'], []), 'attachment-list'), []);
    assert.deepEqual(findings(notice(['附件：某某县防汛责任人名单'], ['附件', '某某县防汛责任人名单', '姓名']), 'attachment-list'), []);
  });
});

describe('consistency: certain fixes', () => {
  it('附件一 → 附件1, and the text is then clean', () => {
    const text = notice(['附件：1．某某县防汛责任人名单', '2．某某县防汛物资储备表'], ['附件一', '某某县防汛责任人名单', '姓名', '附件2', '某某县防汛物资储备表', '物资']);
    const fixed = fixAll(text);
    assert.ok(fixed.includes('\n附件1\n某某县防汛责任人名单'), fixed);
    assert.deepEqual(findings(fixed, 'attachment-list'), []);
  });

  it('a single attachment loses its number in the list and on its label', () => {
    const listed = fixAll(notice(['附件：1．某某县防汛责任人名单'], ['附件', '某某县防汛责任人名单', '姓名']));
    assert.ok(listed.includes('\n附件：某某县防汛责任人名单\n'), listed);
    const labelled = fixAll(notice(['附件：某某县防汛责任人名单'], ['附件1', '某某县防汛责任人名单', '姓名']));
    assert.ok(labelled.includes('\n附件\n某某县防汛责任人名单'), labelled);
    assert.deepEqual(findings(labelled, 'attachment-list'), []);
  });

  it('主送: 、 between kinds and ； become ，; a 主送 line ending with ， ends with ：', () => {
    const fixed = fixAll(notice([], [], '各镇人民政府、县政府各部门；各有关单位：'));
    assert.ok(fixed.includes('\n各镇人民政府，县政府各部门，各有关单位：\n'), fixed);
    const ending = ['某政办发〔2024〕9号', '某某县人民政府办公室关于做好防汛工作的通知', '各镇人民政府，县政府各部门，', '　　为做好今年防汛工作，现将有关事项通知如下。', '某某县人民政府办公室', '2024年3月5日'].join('\n');
    assert.equal(findings(ending, 'notice-elements').length, 1);
    assert.ok(fixAll(ending).includes('\n各镇人民政府，县政府各部门：\n'));
  });

  it('the 主送 list reader keeps a bracket inside one name and refuses a sentence', () => {
    assert.deepEqual(addresseeItems('各县（市、区）人民政府，省政府有关部门：').map((i) => [i.name, i.mark]), [['各县（市、区）人民政府', '，'], ['省政府有关部门', '：']]);
    assert.equal(isAddresseeList('各镇人民政府，县政府各部门，'), true);
    assert.equal(isAddresseeList('各单位要高度重视防汛工作，'), false);
    assert.equal(isAddresseeList('重庆市民政局'), false);
  });
});

describe('consistency: the 目录', () => {
  it('keys decimal entries by their number and 一、（一） entries by their parents', () => {
    const text = ['某某县实施方案', '目录', '一、总体要求', '（一）指导思想……2', '二、重点任务', '（一）优化服务　3', '一、总体要求', '（一）指导思想。内容。', '二、重点任务', '（一）优化服务。内容。'].join('\n');
    const contents = tableOfContents(parse(text))!;
    assert.deepEqual(contents.entries.map((e) => [e.key, e.title]), [['1', '总体要求'], ['1>1', '指导思想'], ['2', '重点任务'], ['2>1', '优化服务']]);
    assert.deepEqual(contents.headings.map((h) => h.key), ['1', '1>1', '2', '2>1']);
    assert.deepEqual(findings(text, 'contents-mismatch'), []);
  });
});
