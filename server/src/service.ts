/**
 * The language service: the one place that wires the model, the rules and the features.
 * The LSP server, the CLI and the tests all call it, so what the editor shows and what
 * `gongwen lint` prints cannot disagree. No transport and no I/O here: data in, data out.
 */
import type {
  CodeAction, CodeLens, CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Hover, Location, Position, Range,
  SymbolInformation, TextEdit,
} from 'vscode-languageserver-types';
import { documentMemo } from './model/memo';
import { parseDocument, type ParseOptions } from './model/parse';
import { placed } from './model/reuse';
import type { GongwenDocument } from './model/types';
import { RULES } from './rules/index';
import type { Finding, Rule, RuleContext } from './rules/types';
import { DEFAULT_SETTINGS, type GongwenSettings, type RuleSetting, type SeverityName } from './settings';
import { setLanguage } from './l10n';
import type { Knowledge } from './knowledge/types';
import { bundledKnowledge } from './knowledge/index';
import { EMPTY_WORKSPACE, type WorkspaceDocs } from './workspace';
import type { FeatureContext } from './features/types';
import { documentSymbols } from './features/symbols';
import { foldingRanges } from './features/folding';
import { allCertainEdits, quickFixes, type RuledFinding } from './features/code-actions';
import { completion } from './features/completion';
import { hover } from './features/hover';
import { definition } from './features/definition';
import { references } from './features/references';
import { codeLenses } from './features/code-lens';
import { workspaceSymbols } from './features/workspace-symbols';
import { COMMANDS, type CommandResult } from './features/commands';
import {
  applyIgnores, findingKeys, NO_SUPPRESSIONS, rulesFor, staleDiagnostic, STALE_CODE, suppressionActions, type Suppressions,
} from './features/suppressions';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface ServiceOptions {
  settings?: GongwenSettings;
  /** Bundled knowledge plus the user's own lists, loaded by the adapter. */
  knowledge?: Knowledge;
  /** Other documents (upper plans …); the adapter keeps it current. */
  workspace?: WorkspaceDocs;
  /** URI prefix of the rule pages; a diagnostic links to `${docsBase}${ruleId}.md`. */
  docsBase?: string;
  logger?: Logger;
  /** gongwen.json `ignore` and `overrides` (issue #20), paths relative to its folder. */
  suppressions?: Suppressions;
}

export interface LanguageService {
  readonly rules: readonly Rule[];
  /** `suppressions`: gongwen.json `ignore` and `overrides`; kept as they were when absent. */
  configure(settings: GongwenSettings, knowledge?: Knowledge, suppressions?: Suppressions): void;
  readonly settings: GongwenSettings;
  readonly knowledge: Knowledge;
  /** `options.previous`: the same document's last version, for an incremental parse (the editor's case). */
  parse(uri: string, text: string, options?: ParseOptions): GongwenDocument;
  diagnostics(doc: GongwenDocument): Diagnostic[];
  /** Quick fixes for the diagnostics overlapping `range`; `only` filters by code-action kind. */
  codeActions(doc: GongwenDocument, range: Range, only?: string[]): CodeAction[];
  /** Every certain fix as non-overlapping edits (document formatting, `lint --fix`). */
  certainEdits(doc: GongwenDocument): TextEdit[];
  /** Drop remembered findings: another document they depend on (an upper plan) has changed. */
  forgetFindings(): void;
  documentSymbols(doc: GongwenDocument): DocumentSymbol[];
  foldingRanges(doc: GongwenDocument): FoldingRange[];
  completion(doc: GongwenDocument, position: Position): CompletionItem[];
  hover(doc: GongwenDocument, position: Position): Hover | null;
  definition(doc: GongwenDocument, position: Position): Location[];
  references(doc: GongwenDocument, position: Position): Location[];
  codeLenses(doc: GongwenDocument): CodeLens[];
  workspaceSymbols(query: string): SymbolInformation[];
  readonly commands: readonly string[];
  executeCommand(command: string, doc: GongwenDocument, args: unknown[]): CommandResult;
}

const SEVERITY: Record<SeverityName, 1 | 2 | 3 | 4> = { error: 1, warning: 2, information: 3, hint: 4 };

/** Relative fallback; the server and the CLI pass the file URL of the installed `docs/rules/`. */
export const DEFAULT_DOCS_BASE = 'docs/rules/';

export function createLanguageService(options: ServiceOptions = {}): LanguageService {
  let settings = options.settings ?? DEFAULT_SETTINGS;
  let knowledge = options.knowledge ?? bundledKnowledge();
  const workspace = options.workspace ?? EMPTY_WORKSPACE;
  const docsBase = options.docsBase ?? DEFAULT_DOCS_BASE;
  const logger = options.logger;
  let suppressions = options.suppressions ?? NO_SUPPRESSIONS;
  setLanguage(settings.language);
  /**
   * Findings per parsed document (one parse per version upstream, so one run per version here): `all`
   * that the rules found, `shown` once gongwen.json `ignore` is applied, with a hint per stale entry. Kept in the
   * document's memo under this service's own key (model/memo.ts), with the `generation` of the settings they were
   * found under: new settings, or `forgetFindings`, move to the next generation.
   */
  const findingsSlot = {};
  let generation = 0;
  /** Part of every remembered per-block finding's key: new settings or knowledge invalidate them all. */
  let configuration = 0;
  /** The diagnostic made for each finding object, while settings (severities, language) stand. */
  let ruled = new WeakMap<Finding, RuledFinding>();

  const context = (doc: GongwenDocument): FeatureContext => ({ doc, settings, knowledge, workspace });
  /** Each rule's page, made once: a diagnostic's link was a new string per finding. */
  const hrefOf = new Map(RULES.map((r) => [r.id, `${docsBase}${r.id}.md`]));

  /** What `rule` computed for a block, taken from the previous version when the block's source is unchanged. */
  const remember = (doc: GongwenDocument, rule: Rule): NonNullable<RuleContext['remember']> => {
    // Built once per rule run: this runs for every block and rule (~32,000 calls per keystroke on 1 MB).
    const prefix = `${rule.id}\u0000${configuration}\u0000`;
    // A rule passes the same key for block after block; `prefix + key` made afresh each time is a new
    // string the map must hash again (a concatenation, flattened first). Reusing the last one halved
    // this function's share of a keystroke's rules (CPU profile, 1 MB) and took the rules' CPU per
    // keystroke from 21–24 to 15–17 ms (docs/performance.md, fifth session on #18).
    let lastKey = '';
    let lastFull = prefix;
    return (block, key, compute) => {
      const entry = doc.reuse?.entryOf(block);
      if (!entry) return compute();
      if (key !== lastKey) {
        lastKey = key;
        lastFull = prefix + key;
      }
      return placed(entry.findings, lastFull, block.firstLine, compute);
    };
  };

  function severityOf(rule: Rule, rules: Record<string, RuleSetting>): SeverityName | undefined {
    const setting = rules[rule.id];
    if (setting === 'off') return undefined;
    if (setting === undefined || setting === 'default') return rule.defaultSeverity;
    return setting;
  }

  function findings(doc: GongwenDocument): RuledFinding[] {
    return analyse(doc).shown;
  }

  function analyse(doc: GongwenDocument): { all: RuledFinding[]; shown: RuledFinding[] } {
    const memo = documentMemo(doc);
    const cached = memo.get(findingsSlot) as { generation: number; result: { all: RuledFinding[]; shown: RuledFinding[] } } | undefined;
    if (cached?.generation === generation) return cached.result;
    const out: RuledFinding[] = [];
    const ctx = context(doc);
    // gongwen.json `overrides` may set levels for this file only (issue #20).
    const rules = rulesFor(settings.rules, suppressions, doc.uri);
    // Only a document parsed for reuse (the editor's) can hand its findings to a later version; for the
    // CLI's documents a weak map entry per finding was work for the collector and nothing else.
    const known = doc.reuse ? ruled : undefined;
    for (const rule of RULES) {
      const ruleSeverity = severityOf(rule, rules);
      if (!ruleSeverity) continue;
      let found;
      try {
        // Written out, not `{ ...ctx, remember }`: a spread with a property after it is a slow path in V8, and this
        // line was ~3 % of a lint of the 1,000 seed copies (CPU profile, issue #18).
        // A document not parsed for reuse (the CLI's) has nothing to take over: its rules compute each block
        // directly (`perBlock`), without a memo closure and key per rule and document.
        found = rule.check({ doc: ctx.doc, settings: ctx.settings, knowledge: ctx.knowledge, workspace: ctx.workspace, remember: doc.reuse ? remember(doc, rule) : undefined });
      } catch (err) {
        // One broken rule must not take the others (or the server) down with it.
        logger?.error(`rule ${rule.id} failed on ${doc.uri}: ${(err as Error).stack ?? err}`);
        continue;
      }
      // A finding's own severity (e.g. information for PDF-extraction spaces) holds unless the user overrode the rule.
      const overridden = rules[rule.id] !== undefined && rules[rule.id] !== 'default';
      for (const f of found) {
        // A finding taken over from the previous version (model/reuse.ts) keeps its diagnostic too.
        const remembered = known?.get(f);
        if (remembered) {
          out.push(remembered);
          continue;
        }
        const severity = overridden ? ruleSeverity : (f.severity ?? ruleSeverity);
        const made: RuledFinding = {
          ruleId: rule.id,
          fixes: f.fixes ?? [],
          diagnostic: {
            range: f.range,
            severity: SEVERITY[severity],
            code: rule.id,
            codeDescription: { href: hrefOf.get(rule.id)! },
            source: 'gongwen',
            message: f.message,
          },
        };
        known?.set(f, made);
        out.push(made);
      }
    }
    out.sort((a, b) => a.diagnostic.range.start.line - b.diagnostic.range.start.line || a.diagnostic.range.start.character - b.diagnostic.range.start.character);
    const ran = (id: string) => RULES.some((r) => r.id === id && severityOf(r, rules) !== undefined);
    const { kept, stale } = applyIgnores(doc, out, suppressions, ran);
    const hints = stale.map((e): RuledFinding => ({ ruleId: STALE_CODE, fixes: [], diagnostic: staleDiagnostic(doc, e, `${docsBase}${STALE_CODE}.md`) }));
    const result = { all: out, shown: hints.length ? [...hints, ...kept] : kept };
    memo.set(findingsSlot, { generation, result });
    return result;
  }

  /** The quick fixes that write gongwen.json: silence a finding or a rule here, drop a stale entry. */
  function suppressing(doc: GongwenDocument, range: Range, only?: string[]): CodeAction[] {
    if (!suppressions.file || (only && !only.some((k) => k.startsWith('quickfix') || 'quickfix'.startsWith(k)))) return [];
    const { all, shown } = analyse(doc);
    const visible = new Set(shown);
    const keys = findingKeys(doc, all);
    const touches = (r: Range) => !(r.end.line < range.start.line || r.start.line > range.end.line ||
      (r.end.line === range.start.line && r.end.character < range.start.character) || (r.start.line === range.end.line && r.start.character > range.end.character));
    const here = all.flatMap((f, i) => (visible.has(f) && touches(f.diagnostic.range) ? [{ ...f, key: keys[i] }] : []));
    const stale = shown.filter((f) => f.ruleId === STALE_CODE && touches(f.diagnostic.range)).map((f) => f.diagnostic);
    return suppressionActions(doc, here, stale, suppressions);
  }

  /** A feature that throws answers with its empty value; the error is logged. */
  function safe<T>(name: string, fallback: T, run: () => T): T {
    try {
      return run();
    } catch (err) {
      logger?.error(`${name} failed: ${(err as Error).stack ?? err}`);
      return fallback;
    }
  }

  return {
    rules: RULES,
    get settings() {
      return settings;
    },
    get knowledge() {
      return knowledge;
    },
    configure(next, nextKnowledge, nextSuppressions) {
      settings = next;
      if (nextKnowledge) knowledge = nextKnowledge;
      if (nextSuppressions) suppressions = nextSuppressions;
      generation++;
      ruled = new WeakMap();
      configuration++;
      setLanguage(settings.language);
    },
    parse: (uri, text, options) => parseDocument(uri, text, options),
    diagnostics: (doc) => findings(doc).map((f) => f.diagnostic),
    codeActions: (doc, range, only) => safe('codeActions', [], () => [...quickFixes(doc.uri, findings(doc), range, only), ...suppressing(doc, range, only)]),
    certainEdits: (doc) => allCertainEdits(findings(doc)),
    forgetFindings() {
      generation++;
    },
    documentSymbols: (doc) => safe('documentSymbols', [], () => documentSymbols(doc)),
    foldingRanges: (doc) => safe('foldingRanges', [], () => foldingRanges(doc)),
    completion: (doc, position) => safe('completion', [], () => completion(context(doc), position)),
    hover: (doc, position) => safe('hover', null, () => hover(context(doc), position)),
    definition: (doc, position) => safe('definition', [], () => definition(context(doc), position)),
    references: (doc, position) => safe('references', [], () => references(context(doc), position)),
    codeLenses: (doc) => safe('codeLenses', [], () => codeLenses(context(doc))),
    workspaceSymbols: (query) => safe('workspaceSymbols', [], () => workspaceSymbols(workspace, query)),
    get commands() {
      return Object.keys(COMMANDS);
    },
    executeCommand(command, doc, args) {
      const handler = COMMANDS[command];
      if (!handler) throw new Error(`unknown command ${command}`);
      return handler(context(doc), args);
    },
  };
}

export const SEVERITY_NAMES: Record<number, SeverityName> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
