/**
 * The extension inside a real VS Code extension host (run by test/vscode/run.ts through
 * @vscode/test-electron). The workspace holds seeds 002/003 as `.gw` and seed 000 as a plain
 * `notice-000.txt`. Every wait is on a VS Code event (diagnostics changed, document opened),
 * never on a timer.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const WORKSPACE = process.env.GONGWEN_TEST_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
const fileUri = (name: string) => vscode.Uri.file(path.join(WORKSPACE, name));

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** Resolves with the diagnostics of `uri` once `accept` holds for them (checked now and on every change). */
function diagnosticsWhen(uri: vscode.Uri, accept: (ds: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const ds = vscode.languages.getDiagnostics(uri);
      if (!accept(ds)) return false;
      sub.dispose();
      resolve(ds);
      return true;
    };
    // Subscribe first, then check: a change between the two cannot be missed.
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
}

const headingStyle = (ds: vscode.Diagnostic[]) => ds.filter((d) => codeOf(d) === 'heading-style');

async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fileUri(name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

function flatten(symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children)]);
}

describe('gongwen in the VS Code extension host', () => {
  it('opens seed-002.gw as gongwen and reports heading-style on (十)/(十一)/(十二)', async () => {
    const doc = await open('seed-002.gw');
    assert.equal(doc.languageId, 'gongwen');
    const ds = await diagnosticsWhen(doc.uri, (d) => headingStyle(d).length > 0);
    // ASCII "(十)" where GB/T 9704-2012 7.3.3 writes "（十）": real defects of the seed.
    const found = headingStyle(ds).map((d) => [d.range.start.line, d.range.start.character, d.source]);
    assert.deepEqual(found, [[93, 0, 'gongwen'], [95, 0, 'gongwen'], [99, 0, 'gongwen']]);
    assert.equal(headingStyle(ds)[0]!.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('reports heading-style on seed-003.gw ("1．" among "1." and "(六)")', async () => {
    const doc = await open('seed-003.gw');
    const ds = await diagnosticsWhen(doc.uri, (d) => headingStyle(d).length > 0);
    const lines = headingStyle(ds).map((d) => d.range.start.line);
    assert.ok(lines.includes(66) && lines.includes(510), lines.join(','));
  });

  it('provides document symbols: the heading tree under the notice elements', async () => {
    const doc = await open('seed-002.gw');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const third = symbols.find((s) => s.name === '三、促进科普与科技创新协同发展');
    assert.ok(third, symbols.map((s) => s.name).join('\n'));
    assert.equal(third.range.start.line, 79);
    assert.ok(third.children.some((c) => c.name === '（七）推动科技创新资源科普化'));
    assert.ok(flatten(symbols).some((s) => s.name === '发文字号'));
  });

  it('provides folding ranges for heading sections', async () => {
    const doc = await open('seed-002.gw');
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri);
    const third = ranges.find((r) => r.start === 79);
    assert.ok(third, 'no folding range starts at the 三、 heading');
    assert.ok(third.end > 80);
  });

  it('applies the quick fix 改为“（十）” through executeCodeActionProvider + workspace.applyEdit', async () => {
    const doc = await open('seed-002.gw');
    const [diag] = headingStyle(await diagnosticsWhen(doc.uri, (d) => headingStyle(d).length > 0));
    assert.ok(diag);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      diag.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title === '改为“（十）”');
    assert.ok(fix?.edit, actions.map((a) => a.title).join('\n'));
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.ok(doc.lineAt(93).text.startsWith('（十）提升领导干部'), doc.lineAt(93).text);
    const after = await diagnosticsWhen(doc.uri, (d) => !headingStyle(d).some((x) => x.range.start.line === 93));
    assert.deepEqual(headingStyle(after).map((d) => d.range.start.line), [95, 99]);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('answers completion requests (the snippets of the gongwen language among them)', async () => {
    const doc = await open('seed-002.gw');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      new vscode.Position(0, 0),
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('fwzh'), labels.slice(0, 20).join(','));
  });

  it('switches a plain-text notice (notice-000.txt) to gongwen', async () => {
    const uri = fileUri('notice-000.txt');
    const switched = new Promise<vscode.TextDocument>((resolve) => {
      const isSwitched = (d: vscode.TextDocument) => d.uri.toString() === uri.toString() && d.languageId === 'gongwen';
      const sub = vscode.workspace.onDidOpenTextDocument((d) => {
        if (isSwitched(d)) {
          sub.dispose();
          resolve(d);
        }
      });
      const already = vscode.workspace.textDocuments.find(isSwitched);
      if (already) {
        sub.dispose();
        resolve(already);
      }
    });
    await vscode.workspace.openTextDocument(uri);
    assert.equal((await switched).languageId, 'gongwen');
  });

  it('turns a rule off with gongwen.rules and back on, without a restart', async () => {
    const doc = await open('seed-003.gw');
    await diagnosticsWhen(doc.uri, (d) => headingStyle(d).length > 0);
    const config = vscode.workspace.getConfiguration('gongwen');
    await config.update('rules', { 'heading-style': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await diagnosticsWhen(doc.uri, (d) => headingStyle(d).length === 0);
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    const back = await diagnosticsWhen(doc.uri, (d) => headingStyle(d).length > 0);
    assert.ok(headingStyle(back).some((d) => d.range.start.line === 66));
  });
});
