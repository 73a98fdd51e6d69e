/**
 * The genre (文种) and the 文号 the model reads from titles and 版头 lines as real copies print them.
 */
import * as assert from 'node:assert/strict';
import { genreOf } from '../../server/src/model/genre';
import { parseDocument } from '../../server/src/model/parse';

describe('genre and 文号 as printed', () => {
  it('reads the genre a title names, and what a notice does with the document it carries', () => {
    assert.deepEqual(genreOf('国务院关于在市场监管领域全面推行部门联合监管的意见'), { genre: '意见', label: '意见' });
    assert.deepEqual(genreOf('吉林省人民政府办公厅关于转发《吉林省农业税征收暂行实施办法》等文件的通知'), { genre: '通知', label: '通知', action: '转发' });
    assert.deepEqual(genreOf('兰州市人民政府办公室关于印发《某某办法（试行）》等5个办法的通知'), { genre: '通知', label: '通知', action: '印发' });
    assert.deepEqual(genreOf('国务院办公厅关于做好信息发布工作的通知'), { genre: '通知', label: '通知' }, '发布 inside the 事由 is no action');
    assert.deepEqual(genreOf('国务院办公厅对全国政协第4626号提案的答复'), { genre: '函', label: '答复' });
    assert.deepEqual(genreOf('某市人民政府关于某某问题的复函'), { genre: '函', label: '复函' });
    assert.deepEqual(genreOf('山东省人民政府关于深化预算管理制度改革的实施意见'), { genre: '意见', label: '实施意见' });
    assert.equal(genreOf('某县全民科学素质行动规划纲要实施方案（2021—2025年）'), undefined, 'a plan is a document kind, not a genre');
  });

  it('a 令 has its 令号 for a 文号 and 命令 for its genre, on one line or two', () => {
    for (const head of ['某省人民政府令(第52号)', '某省人民政府令\n第52号']) {
      const doc = parseDocument('mem://order', `${head}\n《某省收费管理办法》已经省人民政府常务会议审议通过，现予发布。\n省长  某某\n2024年1月3日\n`);
      assert.equal(doc.genre?.genre, '命令', head);
      assert.equal(doc.notice.发文字号?.serial, '52', head);
      assert.equal(doc.notice.成文日期?.text, '2024年1月3日', head);
    }
  });

  it('the 文号 in parentheses at the end of the title line, and page chrome above the title', () => {
    const doc = parseDocument('mem://web', [
      '当前位置: 首页 > 政务公开 > 政策法规',
      '某市人民政府办公室关于印发《关于全面推进政务公开工作的实施意见》的通知(某办发〔2017〕2号)',
      '来源:某市政府门户网 日期:2017-01-12 17:08',
      '各县市区人民政府，市直各单位：',
      '《关于全面推进政务公开工作的实施意见》已经市人民政府同意，现印发给你们。',
      '某市人民政府办公室',
      '2017年1月10日',
    ].join('\n'));
    assert.equal(doc.notice.发文字号?.text, '某办发〔2017〕2号');
    assert.equal(doc.notice.标题?.text, '某市人民政府办公室关于印发《关于全面推进政务公开工作的实施意见》的通知');
    assert.equal(doc.notice.主送机关?.text, '各县市区人民政府，市直各单位：');
    assert.equal(doc.notice.发文机关标志, undefined, 'a breadcrumb is no 版头');
    assert.equal(doc.genre?.action, '印发');
  });
});
