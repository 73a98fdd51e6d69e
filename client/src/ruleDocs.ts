/**
 * Rule pages open rendered (issue #20). Each diagnostic links to docs/rules/<id>.md (server.ts `docsBase`);
 * VS Code would open that file as an editable text tab. The link is rewritten to the product's own URL
 * scheme (`vscode://gongwen.gongwen/rule?<id>`, `code-oss://…` in code-server), which VS Code hands to this
 * extension's URI handler without a prompt from both the hover and the Problems view; the handler opens
 * the page in the Markdown preview.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

const RULE_PATH = '/rule';

/** The extension's URI for a rule page, or undefined when `target` is not one of our rule pages. */
export function ruleLink(target: vscode.Uri, extensionId: string): vscode.Uri | undefined {
  const m = target.scheme === 'file' ? /\/docs\/rules\/([\w-]+)\.md$/.exec(target.path) : null;
  return m ? vscode.Uri.from({ scheme: vscode.env.uriScheme, authority: extensionId, path: RULE_PATH, query: m[1] }) : undefined;
}

/** The language-client middleware that rewrites the code links of the published diagnostics. */
export function ruleLinkMiddleware(extensionId: string): Middleware {
  return {
    handleDiagnostics(uri, diagnostics, next) {
      for (const d of diagnostics) {
        const code = d.code;
        if (code && typeof code === 'object') {
          const link = ruleLink(code.target, extensionId);
          if (link) d.code = { value: code.value, target: link };
        }
      }
      next(uri, diagnostics);
    },
  };
}

/** Opens `/rule?<id>` in the Markdown preview of the bundled page. */
export function registerRuleDocs(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.window.registerUriHandler({
    async handleUri(uri) {
      if (uri.path !== RULE_PATH || !/^[\w-]+$/.test(uri.query)) return;
      const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${uri.query}.md`);
      try {
        await vscode.workspace.fs.stat(page);
      } catch {
        log.warn(vscode.l10n.t('没有规则“{0}”的说明页。', uri.query));
        return;
      }
      await vscode.commands.executeCommand('markdown.showPreview', page);
    },
  });
}
