/**
 * The skeleton of a new notice + 实施方案 (issue #6, command "新建实施方案"). Pure: the answers of
 * the drafter and the chosen higher-level plans in, the full text out.
 *
 * The notice's elements stand in the order of GB/T 9704-2012 ch. 7 (发文机关标志, 发文字号, 标题,
 * 主送机关, 正文, 发文机关署名, 成文日期, 附注), then the plan: its title, a preamble citing the higher
 * plans, 一、总体要求 (指导思想, 基本原则, 工作目标 with the parent's headline target), 二、提升行动
 * (the five groups), 三、重点工程 (the four projects of the current national/provincial template),
 * 四、保障措施. Clause texts come from the 实施方案 templates; what only the drafter can write is a
 * placeholder `【…】` (PLACEHOLDER finds them).
 */
import { LEVEL_RANK, type PlanEntry, type PlanTarget } from '../knowledge/plans/registry';
import type { LevelPrefix } from './jurisdiction';
import { prefixOfIssuer } from './jurisdiction';
import { fillTemplate } from './snippet';
import { bundledTemplates, type TemplateSet } from './templates';

export interface SkeletonInput {
  /** The jurisdiction as named in titles: 平阴县, 乳山市, 济宁市兖州区. */
  jurisdiction: string;
  /** 发文机关; default `${jurisdiction}人民政府`. */
  issuer?: string;
  /** 发文字号 (平政字〔2022〕21号); a placeholder when not given. */
  docNumber?: string;
  /** 规划期, e.g. [2021, 2025]. */
  period: [number, number];
  /** The higher-level plans this plan implements (from the plan registry). */
  parents: readonly PlanEntry[];
  /** 成文日期 (the caller passes today). */
  date: { year: number; month: number; day: number };
  /** 主送机关; a default for the jurisdiction's level when not given. */
  addressee?: string;
  templates?: readonly TemplateSet[];
}

/** A placeholder the drafter must fill in: 【请填写：…】. Bounded, no nesting. */
export const PLACEHOLDER = /【[^【】\n]{1,40}】/g;

const METRIC = '公民具备科学素质的比例';

const fill = (what: string) => `【请填写：${what}】`;

/** The target of the nearest parent for the metric and the plan's last year. */
export function parentTarget(parents: readonly PlanEntry[], year: number): { target: PlanTarget; plan: PlanEntry } | undefined {
  let best: { target: PlanTarget; plan: PlanEntry } | undefined;
  for (const plan of parents) {
    const target = plan.targets.find((t) => t.metric === METRIC && t.year === year);
    if (!target) continue;
    if (!best || LEVEL_RANK[plan.level] > LEVEL_RANK[best.plan.level] || (LEVEL_RANK[plan.level] === LEVEL_RANK[best.plan.level] && target.value > best.target.value)) {
      best = { target, plan };
    }
  }
  return best;
}

function citation(plan: PlanEntry): string {
  return `《${plan.title}》${plan.docNumber ? `（${plan.docNumber}）` : ''}`;
}

function defaultAddressee(prefix: LevelPrefix): string {
  return `各镇人民政府、街道办事处，${prefix}政府各部门、各单位：`;
}

function planTemplates(sets: readonly TemplateSet[]) {
  const set = sets.find((s) => s.genre === '实施方案');
  const section = (id: string) => set?.sections.find((s) => s.id === id)?.clauses ?? [];
  return { principles: section('principles'), actions: section('actions'), projects: section('projects'), safeguards: section('safeguards') };
}

const CHINESE = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function generateSkeleton(input: SkeletonInput): string {
  const issuer = input.issuer?.trim() || `${input.jurisdiction}人民政府`;
  const prefix: LevelPrefix = prefixOfIssuer(input.jurisdiction) ?? prefixOfIssuer(issuer) ?? '县';
  const lead = `${prefix}科协`;
  const [start, end] = input.period;
  const title = `${input.jurisdiction}全民科学素质行动规划纲要实施方案（${start}—${end}年）`;
  const { year, month, day } = input.date;
  const t = planTemplates(input.templates ?? bundledTemplates());
  const clause = (body: string) => fillTemplate(body, prefix, lead);
  const parents = [...input.parents].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
  const cited = parents.length ? parents.map(citation).join('和') : `《${fill('上级方案标题')}》`;
  const goal = parentTarget(parents, end);
  const goalText = goal
    ? `${goal.target.comparator === '>' ? '超过' : '达到'}${goal.target.value}${goal.target.unit}`
    : `达到${fill('目标值')}`;

  const out: string[] = [
    issuer,
    input.docNumber?.trim() || fill('发文字号，如 某政发〔年份〕序号号'),
    '',
    `${issuer}关于印发${title}的通知`,
    '',
    input.addressee?.trim() || defaultAddressee(prefix),
    `\u3000\u3000现将《${title}》印发给你们，请结合实际认真组织实施。`,
    '',
    issuer,
    `${year}年${month}月${day}日`,
    '（此件公开发布）',
    '',
    title,
    '',
    `\u3000\u3000为深入贯彻落实${cited}，全面提升${prefix}内公民科学素质，结合我${prefix}实际，制定本方案。`,
    '一、总体要求',
    `（一）指导思想。以习近平新时代中国特色社会主义思想为指导，${fill('结合本地实际的指导思想')}。`,
    '（二）基本原则。',
    ...t.principles.map((c, i) => `${i + 1}.${c.title}。${clause(c.body)}`),
    `（三）工作目标。到${end}年，全${prefix}${METRIC}${goalText}，${fill('其他工作目标')}。`,
    '二、提升行动',
    `\u3000\u3000围绕重点人群，实施${t.actions.length}项提升行动。`,
  ];
  t.actions.forEach((c, i) => {
    out.push(`（${CHINESE[i]}）${c.title}。${clause(c.body)}`);
    out.push(`1.${fill('具体任务')}。（${fill('责任单位')}按职责分工负责）`);
  });
  out.push('三、重点工程', `\u3000\u3000实施${t.projects.length}项重点工程。`);
  t.projects.forEach((c, i) => {
    out.push(`（${CHINESE[i]}）${c.title}。${clause(c.body)}`);
    out.push(`1.${fill('具体任务')}。（${fill('责任单位')}按职责分工负责）`);
  });
  out.push('四、保障措施');
  t.safeguards.slice(0, 3).forEach((c, i) => out.push(`（${CHINESE[i]}）${c.title}。${clause(c.body)}`));
  return out.join('\n') + '\n';
}

/** `2021—2025` (also with `-`, `–`, `至` or a trailing 年) → [2021, 2025]; undefined when not a forward range. */
export function parsePeriod(text: string): [number, number] | undefined {
  const m = /^\s*(\d{4})\s*(?:—|－|-|–|~|至)\s*(\d{4})\s*年?\s*$/.exec(text);
  if (!m) return undefined;
  const [start, end] = [Number(m[1]), Number(m[2])];
  return start < end ? [start, end] : undefined;
}

/** 发文字号 in the form of GB/T 9704-2012 §7.2.5: 代字〔年份〕序号号, no leading zero, no 第. */
export function isDocNumber(text: string): boolean {
  return /^[\u4e00-\u9fff]{1,12}〔\d{4}〕[1-9]\d{0,4}号$/.test(text.trim());
}
