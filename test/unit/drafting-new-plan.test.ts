/** The questions of "新建实施方案" (client/src/commands/new-plan-flow.ts) with scripted answers. */
import * as assert from 'node:assert/strict';
import { askNewPlan, type Asker, type InputQuestion, type PickItem } from '../../client/src/commands/new-plan-flow';
import { bundledPlans } from '../../server/src/knowledge/plans';
import { bundledDepartments } from '../../server/src/knowledge/departments';

const entries = bundledPlans().entries;
const identity = (m: string) => m;

/** Answers in order; records what was asked. `null` cancels. Picks answer by label. */
function scripted(answers: Array<string | string[] | null>) {
  const asked: Array<{ title: string; q?: InputQuestion; items?: PickItem<unknown>[] }> = [];
  const next = () => {
    if (answers.length === 0) throw new Error('asked more than scripted');
    return answers.shift()!;
  };
  const asker: Asker = {
    async input(q) {
      asked.push({ title: q.title, q });
      const a = next();
      return a === null ? undefined : (a as string);
    },
    async pickOne<T>(title: string, items: PickItem<T>[]) {
      asked.push({ title, items });
      const a = next();
      return a === null ? undefined : items.find((i) => i.label === a)?.value;
    },
    async pickMany<T>(title: string, items: PickItem<T>[]) {
      asked.push({ title, items });
      const a = next();
      return a === null ? undefined : items.filter((i) => (a as string[]).includes(i.label)).map((i) => i.value);
    },
  };
  return { asker, asked };
}

const TODAY = new Date(2024, 2, 5);

describe('新建实施方案: the questions', () => {
  it('asks jurisdiction, issuer, 文号, period and parents, and returns the skeleton', async () => {
    const { asker, asked } = scripted(['平阴县', '平阴县人民政府', '平政字〔2022〕21号', '2021—2025', ['《山东省全民科学素质行动规划纲要实施方案（2021—2025年）》']]);
    const text = await askNewPlan(asker, entries, TODAY, identity);
    assert.deepEqual(asked.map((a) => a.title), ['新建实施方案', '发文机关', '发文字号', '规划期', '所依据的上级方案']);
    assert.equal(asked[1].q?.value, '平阴县人民政府', 'the issuer defaults from the jurisdiction');
    // The national plan and those of the county's own city and province are preselected (issue #20).
    assert.deepEqual(asked[4].items!.filter((i) => i.picked).map((i) => i.label).sort(), ['《全民科学素质行动规划纲要（2021—2035年）》', '《山东省全民科学素质行动规划纲要实施方案（2021—2025年）》', '《济南市“十四五”全民科学素质行动规划纲要实施方案》'].sort());
    assert.ok(text?.startsWith('平阴县人民政府\n平政字〔2022〕21号\n'));
    assert.match(text!, /\n2024年3月5日\n/);
    assert.match(text!, /全县公民具备科学素质的比例达到16%/);
  });

  it('for 乳山市 preselects the 威海 and 山东 plans first, and the target is the nearest parent\'s: 威海\'s 17% (issue #20)', async () => {
    const { asker, asked } = scripted(['乳山市', '乳山市人民政府', '', '2021—2025', ['《全民科学素质行动规划纲要（2021—2035年）》', '《山东省全民科学素质行动规划纲要实施方案（2021—2025年）》', '《威海市全民科学素质行动规划纲要实施方案（2021—2025年）》']]);
    const text = await askNewPlan(asker, entries, TODAY, identity, bundledDepartments().lists);
    const items = asked[4].items!;
    assert.deepEqual(items.filter((i) => i.picked).map((i) => i.label).sort(), ['《全民科学素质行动规划纲要（2021—2035年）》', '《威海市全民科学素质行动规划纲要实施方案（2021—2025年）》', '《山东省全民科学素质行动规划纲要实施方案（2021—2025年）》'].sort());
    assert.ok(items.slice(0, 3).every((i) => i.picked), 'the preselected plans come first');
    assert.match(text!, /全市公民具备科学素质的比例达到17%/);
  });

  it('validates the answers where they are asked', async () => {
    const { asker, asked } = scripted(['乳山市', '乳山市人民政府', '', '其他规划期…', '2026—2030', []]);
    const text = await askNewPlan(asker, entries, TODAY, identity);
    const [jurisdiction, , docNumber, , period] = asked.map((a) => a.q?.validate);
    assert.equal(jurisdiction!('乳山市'), undefined);
    assert.ok(jurisdiction!('乳山'));
    assert.equal(docNumber!(''), undefined, 'empty: a placeholder is written');
    assert.ok(docNumber!('乳政发[2022]6号'));
    assert.ok(period!('2030—2026'));
    assert.match(text!, /【请填写：发文字号/);
    assert.match(text!, /（2026—2030年）/);
  });

  it('cancelling any question cancels the command', async () => {
    for (let at = 0; at < 5; at++) {
      const answers: Array<string | string[] | null> = ['平阴县', '平阴县人民政府', '', '2021—2025', []];
      answers[at] = null;
      const { asker } = scripted(answers.slice(0, at + 1));
      assert.equal(await askNewPlan(asker, entries, TODAY, identity), undefined, `cancelled at question ${at + 1}`);
    }
  });
});
