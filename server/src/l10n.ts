/**
 * Messages are written in Chinese in the source (our users read Chinese first); the English
 * bundle `l10n/bundle.l10n.en.json` maps each Chinese message to English.
 */
import englishBundle from '../../l10n/bundle.l10n.en.json';
import type { UiLanguage } from './settings';

let current: UiLanguage = 'zh-cn';
// What @vscode/l10n's `config({ contents })` + `t()` did, without loading it: it requires fs/promises
// at load (~10 ms of a CLI start, issue #18) for file and URL bundles we never use.
let bundle: Record<string, string> = {};

export function setLanguage(language: UiLanguage): void {
  if (language === current) return;
  current = language;
  bundle = language === 'en' ? (englishBundle as Record<string, string>) : {};
}

/**
 * Translate a Chinese source message; `{0}`, `{1}` … are replaced by the arguments. What `/{([^}]+)}/g` would
 * replace, found with indexOf: a regular expression with a replacement function made a match array and a call per
 * placeholder, ~1 % of a lint (every finding's message comes here; CPU profile, issue #18). A `{…}` that names no
 * argument stays as it is.
 */
export function t(message: string, ...args: Array<string | number>): string {
  const template = bundle[message] || message;
  if (args.length === 0) return template;
  let out = '';
  let done = 0;
  for (let open = template.indexOf('{'); open >= 0; open = template.indexOf('{', open + 1)) {
    const close = template.indexOf('}', open + 1);
    if (close < 0) break;
    if (close === open + 1) continue; // `{}`: no name, not a placeholder
    const value = args[template.slice(open + 1, close) as unknown as number];
    if (value === undefined || value === null) {
      open = close; // kept as written; the search goes on after it, as the pattern's would
      continue;
    }
    out += template.slice(done, open) + String(value);
    done = close + 1;
    open = close;
  }
  return done === 0 ? template : out + template.slice(done);
}
