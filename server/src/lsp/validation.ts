/**
 * Parse once per document version, validate debounced per document, and never publish
 * diagnostics computed for a version the editor has already moved past.
 */
import type { PublishDiagnosticsParams, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { GongwenDocument } from '../model/types';
import type { LanguageService } from '../service';
import type { EditTracker } from './edits';

export interface Analyses {
  /** The parsed document for the editor's current version, parsed at most once per version. */
  get(document: TextDocument): GongwenDocument;
  forget(uri: string): void;
  /** Drop everything, e.g. when settings the parser may read have changed. */
  clear(): void;
}

export function createAnalyses(service: LanguageService, edits?: EditTracker): Analyses {
  const cache = new Map<string, { version: number; doc: GongwenDocument }>();
  return {
    get(document) {
      const hit = cache.get(document.uri);
      if (hit && hit.version === document.version) return hit.doc;
      // The last version parsed is the base of this one: only what the edits touched is parsed again.
      const unchanged = hit && edits?.unchangedSince(document, hit.version);
      const doc = service.parse(document.uri, document.getText(), { previous: hit?.doc, incremental: true, unchanged });
      edits?.parsed(document);
      cache.set(document.uri, { version: document.version, doc });
      return doc;
    },
    forget: (uri) => cache.delete(uri),
    clear: () => cache.clear(),
  };
}

export interface ValidatorOptions {
  documents: TextDocuments<TextDocument>;
  /** Resolves once settings are loaded, so nothing is published under defaults the user did not choose. */
  ready: () => Promise<void>;
  diagnose(document: TextDocument): PublishDiagnosticsParams['diagnostics'];
  /**
   * Run the checks of `document` ahead of its publication: the service keeps a version's findings until the next
   * change, so `diagnose` then only reads them. Called once the pause is `PREPARE_SHARE` over; optional.
   */
  prepare?(document: TextDocument): void;
  publish(params: PublishDiagnosticsParams): void;
  logError(message: string): void;
  /**
   * Typing pauses shorter than this do not trigger a run (edits only: a document just opened is
   * checked at once). Default 150 ms; `GONGWEN_VALIDATION_DELAY_MS` overrides it, for tests only.
   */
  delayMs?: number;
}

export interface Validator {
  /**
   * Validate after a pause; a later call for the same document cancels this one. The first call
   * after the editor opened the document validates at once: there is no typing to wait for.
   */
  schedule(uri: string): void;
  validate(uri: string): Promise<void>;
  cancel(uri: string): void;
  cancelAll(): void;
}

/**
 * The share of the pause after which an edited document's checks start; its diagnostics are still published only
 * when the whole pause is over. On a 1 MB document the checks take 14–25 ms, and at a load average of 4–5 on two
 * cores 20–50 ms (p90) and up to 105; run after the pause they were most of the keystroke → diagnostics figure and
 * of its tail (docs/performance.md, sixth session on #18). Started halfway, they are done when the pause ends but
 * for the slowest few; they are wasted only when the next keystroke comes 75–150 ms after this one (the parse
 * already runs on every keystroke).
 */
export const PREPARE_SHARE = 1 / 2;

export function createValidator(options: ValidatorOptions): Validator {
  const { documents } = options;
  const delayMs = options.delayMs ?? (Number(process.env.GONGWEN_VALIDATION_DELAY_MS) || 150);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const prepareTimers = new Map<string, ReturnType<typeof setTimeout>>();
  // TextDocuments fires onDidOpen and then onDidChangeContent for the same didOpen: the uris opened
  // but not yet scheduled are the ones whose next schedule() is the open, not an edit.
  const opened = new Set<string>();
  documents.onDidOpen((event) => opened.add(event.document.uri));

  const cancel = (uri: string) => {
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    clearTimeout(prepareTimers.get(uri));
    prepareTimers.delete(uri);
  };

  async function prepare(uri: string): Promise<void> {
    const version = documents.get(uri)?.version;
    if (version === undefined || !options.prepare) return;
    await options.ready();
    const document = documents.get(uri);
    // Superseded, or already published: nothing to get ready for.
    if (document?.version !== version || !timers.has(uri)) return;
    try {
      options.prepare(document);
    } catch {
      // Reported when the publication runs the checks again: the service kept nothing for this version.
    }
  }

  async function validate(uri: string): Promise<void> {
    const version = documents.get(uri)?.version;
    if (version === undefined) return;
    await options.ready();
    const document = documents.get(uri);
    if (document?.version !== version) return; // superseded while waiting: that edit has its own run
    let diagnostics: PublishDiagnosticsParams['diagnostics'] = [];
    try {
      diagnostics = options.diagnose(document);
    } catch (err) {
      options.logError(`diagnostics failed for ${uri}: ${(err as Error)?.stack ?? String(err)}`);
    }
    if (documents.get(uri)?.version !== version) return; // stale: never show results for text that is gone
    options.publish({ uri, version, diagnostics });
  }

  return {
    schedule(uri) {
      cancel(uri);
      if (opened.delete(uri)) {
        void validate(uri);
        return;
      }
      timers.set(
        uri,
        setTimeout(() => {
          timers.delete(uri);
          void validate(uri);
        }, delayMs),
      );
      if (options.prepare) {
        prepareTimers.set(
          uri,
          setTimeout(() => {
            prepareTimers.delete(uri);
            void prepare(uri);
          }, Math.floor(delayMs * PREPARE_SHARE)),
        );
      }
    },
    validate,
    cancel(uri) {
      opened.delete(uri);
      cancel(uri);
    },
    cancelAll() {
      for (const uri of [...timers.keys()]) cancel(uri);
    },
  };
}
