/**
 * The language service: the one place that wires the model, the rules and the features.
 * The LSP server, the CLI and the tests all call it, so what the editor shows and what
 * `gongwen lint` prints cannot disagree. No LSP transport here: plain data in, plain data out.
 */
import type { Diagnostic, DocumentSymbol, FoldingRange } from 'vscode-languageserver-types';
import { parseDocument } from './model/parse';
import type { GongwenDocument } from './model/types';
import { RULES } from './rules/index';
import type { Rule } from './rules/types';
import { DEFAULT_SETTINGS, type GongwenSettings, type SeverityName } from './settings';
import { setLanguage } from './l10n';
import { documentSymbols } from './features/symbols';
import { foldingRanges } from './features/folding';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface ServiceOptions {
  settings?: GongwenSettings;
  /** URI prefix of the rule pages; a diagnostic links to `${docsBase}${ruleId}.md`. */
  docsBase?: string;
  logger?: Logger;
}

export interface LanguageService {
  readonly rules: readonly Rule[];
  configure(settings: GongwenSettings): void;
  parse(uri: string, text: string): GongwenDocument;
  diagnostics(doc: GongwenDocument): Diagnostic[];
  documentSymbols(doc: GongwenDocument): DocumentSymbol[];
  foldingRanges(doc: GongwenDocument): FoldingRange[];
}

const SEVERITY: Record<SeverityName, 1 | 2 | 3 | 4> = { error: 1, warning: 2, information: 3, hint: 4 };

/** Relative fallback; the server and the CLI pass the file URL of the installed `docs/rules/`. */
export const DEFAULT_DOCS_BASE = 'docs/rules/';

export function createLanguageService(options: ServiceOptions = {}): LanguageService {
  let settings = options.settings ?? DEFAULT_SETTINGS;
  const docsBase = options.docsBase ?? DEFAULT_DOCS_BASE;
  const logger = options.logger;
  setLanguage(settings.language);

  function severityOf(rule: Rule): SeverityName | undefined {
    const setting = settings.rules[rule.id];
    if (setting === 'off') return undefined;
    if (setting === undefined || setting === 'default') return rule.defaultSeverity;
    return setting;
  }

  return {
    rules: RULES,
    configure(next) {
      settings = next;
      setLanguage(settings.language);
    },
    parse: parseDocument,
    diagnostics(doc) {
      const out: Diagnostic[] = [];
      for (const rule of RULES) {
        const ruleSeverity = severityOf(rule);
        if (!ruleSeverity) continue;
        let findings;
        try {
          findings = rule.check({ doc });
        } catch (err) {
          // One broken rule must not take the others (or the server) down with it.
          logger?.error(`rule ${rule.id} failed on ${doc.uri}: ${(err as Error).stack ?? err}`);
          continue;
        }
        for (const f of findings) {
          // A finding's own severity (e.g. information for PDF-extraction spaces) is kept unless the user overrode the rule.
          const overridden = settings.rules[rule.id] !== undefined && settings.rules[rule.id] !== 'default';
          const severity = overridden ? ruleSeverity : (f.severity ?? ruleSeverity);
          out.push({
            range: f.range,
            severity: SEVERITY[severity],
            code: rule.id,
            codeDescription: { href: `${docsBase}${rule.id}.md` },
            source: 'gongwen',
            message: f.message,
          });
        }
      }
      out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      return out;
    },
    documentSymbols,
    foldingRanges,
  };
}

export const SEVERITY_NAMES: Record<number, SeverityName> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
