/**
 * `gongwen.newPlan` (palette: 公文：新建实施方案): asks for the jurisdiction, issuer, 文号, period and
 * higher-level plans, then opens an untitled gongwen document with the notice and the plan skeleton.
 * The questions are in new-plan-flow.ts, the text comes from the pure generator
 * (server/src/drafting/skeleton.ts); this file only shows input boxes and quick picks.
 */
import * as vscode from 'vscode';
import { bundledPlans } from '../../../server/src/knowledge/plans';
import { bundledDepartments } from '../../../server/src/knowledge/departments';
import { askNewPlan, type Asker } from './new-plan-flow';

const asker: Asker = {
  input: (q) =>
    Promise.resolve(vscode.window.showInputBox({ title: q.title, prompt: q.prompt, value: q.value, validateInput: q.validate, ignoreFocusOut: true })),
  async pickOne(title, items) {
    const picked = await vscode.window.showQuickPick(items, { title, ignoreFocusOut: true });
    return picked?.value;
  },
  async pickMany(title, items) {
    const picked = await vscode.window.showQuickPick(items, { title, canPickMany: true, ignoreFocusOut: true });
    return picked?.map((i) => i.value);
  },
};

export function registerNewPlan(): vscode.Disposable {
  return vscode.commands.registerCommand('gongwen.newPlan', async () => {
    const text = await askNewPlan(asker, bundledPlans().entries, new Date(), (m) => vscode.l10n.t(m), bundledDepartments().lists);
    if (text === undefined) return;
    const doc = await vscode.workspace.openTextDocument({ language: 'gongwen', content: text });
    await vscode.window.showTextDocument(doc);
  });
}
