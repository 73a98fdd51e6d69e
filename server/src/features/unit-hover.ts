/**
 * Hover on a responsible unit (issue #4): its canonical form and official name, level, kind,
 * place in the canonical order, former names, and which jurisdiction's list is in use and why.
 */
import type { Hover, Position } from 'vscode-languageserver-types';
import type { DepartmentUnit } from '../knowledge/departments';
import { chooseList, documentYear } from '../knowledge/departments/jurisdiction';
import { placesOf, resolveUnit } from '../knowledge/departments/resolve';
import { placeInGroup, unitSequencePlace } from '../knowledge/departments/sequence';
import type { DepartmentList } from '../knowledge/departments/types';
import { t } from '../l10n';
import type { FeatureContext } from './types';
import { contains } from './unit-completion';

export function unitHover(ctx: FeatureContext, position: Position): Hover | null {
  for (const clause of ctx.doc.responsibilities) {
    if (!contains(clause.range, position)) continue;
    const unit = clause.units.find((u) => contains(u.range, position));
    if (!unit) return null;
    const choice = chooseList(ctx.doc, ctx.knowledge.departments, ctx.settings.jurisdiction);
    const lines: string[] = [];
    if (!choice) {
      lines.push(`**${unit.name}**`, '', t('未确定适用的责任单位名录：请在设置 gongwen.jurisdiction 或 gongwen.json 的 jurisdiction 中指定地方。'));
      return { contents: { kind: 'markdown', value: lines.join('\n') }, range: unit.range };
    }
    const list = choice.list;
    const r = resolveUnit(unit.name, list, ctx.knowledge.departments);
    const listed: DepartmentUnit | undefined = r.status === 'ok' || r.status === 'alias' ? r.unit : r.status === 'outdated' ? r.successor : r.status === 'level' ? r.unit : undefined;
    lines.push(`**${unit.name}**`);
    if (listed) {
      lines.push('', t('规范写法：{0}', listed.forms[0]), '', t('全称：{0}', listed.name));
      lines.push('', t('级别：{0}', listed.level ? t('{0}（上级单位，驻本地）', listed.level) : t('{0}（本级）', list.jurisdiction)));
      lines.push('', t('类别：{0}', listed.kind), '', orderLine(listed, list, ctx));
      for (const f of listed.formerly ?? []) lines.push('', t('曾用名：{0}（沿用至 {1} 年）', [f.name, ...(f.forms ?? [])].join('、'), f.until));
    }
    if (r.status === 'outdated') {
      const year = documentYear(ctx.doc);
      lines.push('', year !== undefined && year <= r.until ? t('2018 年机构改革前的名称；本文成文于 {0} 年，当时的名称。', year) : t('2018 年机构改革前的名称。'));
    } else if (r.status === 'unknown') {
      lines.push('', t('不在本名录中。'));
    }
    lines.push('', '---', '', t('责任单位名录：{0}（{1}）', list.jurisdiction, choice.reason));
    return { contents: { kind: 'markdown', value: lines.join('\n') }, range: unit.range };
  }
  return null;
}

/** Where the unit stands in the canonical order: the list's own order, or its place in the default sequence (#13). */
function orderLine(unit: DepartmentUnit, list: DepartmentList, ctx: FeatureContext): string {
  if (list.order !== 'sequence') return t('规范顺序：第 {0} 位', list.units.indexOf(unit) + 1);
  const place = unitSequencePlace(unit, list, placesOf(ctx.knowledge.departments));
  const at = place && placeInGroup(place);
  if (!at) return t('规范顺序：默认序列未列此单位，不检查其顺序');
  if (at.loose) return t('规范顺序：在党委部门、政府部门之后（{0}）', at.kind);
  return t('规范顺序：{0}第 {1} 位', at.kind, at.index);
}
