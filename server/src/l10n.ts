/**
 * Messages are written in Chinese in the source (our users read Chinese first); the English
 * bundle `l10n/bundle.l10n.en.json` maps each Chinese message to English.
 */
import * as l10n from '@vscode/l10n';
import englishBundle from '../../l10n/bundle.l10n.en.json';
import type { UiLanguage } from './settings';

let current: UiLanguage | undefined;

export function setLanguage(language: UiLanguage): void {
  if (language === current) return;
  current = language;
  l10n.config({ contents: language === 'en' ? englishBundle : {} });
}

setLanguage('zh-cn');

/** Translate a Chinese source message; `{0}`, `{1}` … are replaced by the arguments. */
export function t(message: string, ...args: Array<string | number>): string {
  return l10n.t(message, ...args);
}
