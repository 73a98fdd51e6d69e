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

const PLACEHOLDER = /{([^}]+)}/g;

/** Translate a Chinese source message; `{0}`, `{1}` … are replaced by the arguments. */
export function t(message: string, ...args: Array<string | number>): string {
  const template = bundle[message] || message;
  if (args.length === 0) return template;
  return template.replace(PLACEHOLDER, (match, group: string) => String(args[group as unknown as number] ?? match));
}
