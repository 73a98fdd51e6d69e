/**
 * Where the server's settings come from: the editor (pulled with `workspace/configuration`,
 * pushed with `didChangeConfiguration`, or `initializationOptions.settings` for clients such as
 * Neovim), overridden by `gongwen.json` at the root of the first workspace folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { InitializeParams } from 'vscode-languageserver/node';
import { readFonts, readProjectConfig, type ConfigResult } from '../config';
import { t } from '../l10n';
import type { Suppressions } from '../features/suppressions';
import { mergeSettings, RULE_SETTINGS, type GongwenSettings, type ProjectConfig, type RuleSetting } from '../settings';

export const CONFIG_SECTION = 'gongwen';
export const PROJECT_CONFIG_FILE = 'gongwen.json';

/** What a client may send in `initialize`. */
export interface InitializationOptions {
  /** Settings, from a client without `workspace/configuration`. */
  settings?: Partial<GongwenSettings>;
  /**
   * False in a workspace the user has not trusted (VS Code Restricted Mode): gongwen.json is then read
   * for its settings only (`rules`, `language`, `jurisdiction`), never for the paths and patterns it
   * names. Absent (other editors): trusted.
   */
  trusted?: boolean;
}

/**
 * The keys of gongwen.json kept in an untrusted workspace: settings, no paths to read. `ignore` and
 * `overrides` only name documents to compare with (issue #20: suppressions are read, not written).
 */
const UNTRUSTED_KEYS: ReadonlySet<keyof ProjectConfig> = new Set(['rules', 'language', 'jurisdiction', 'ignore', 'overrides', 'words']);

/** gongwen.json as an untrusted workspace keeps it: the keys above, and `also` (the report keeps its `deadline`). */
export function untrustedConfig(config: ProjectConfig, also: ReadonlyArray<keyof ProjectConfig> = []): ProjectConfig {
  return Object.fromEntries(Object.entries(config).filter(([k]) => UNTRUSTED_KEYS.has(k as keyof ProjectConfig) || also.includes(k as keyof ProjectConfig)));
}

export interface SettingsSource {
  /** True when the client answers `workspace/configuration`. */
  readonly canPull: boolean;
  /** False in VS Code's Restricted Mode (see InitializationOptions). */
  readonly trusted: boolean;
  /** Pull the editor settings again, or take pushed ones (`didChangeConfiguration` `settings.gongwen`). */
  loadEditor(pushed?: unknown): Promise<void>;
  /** Re-read gongwen.json; false when it says what it said before (one change may be reported twice). */
  loadProject(): boolean;
  current(): GongwenSettings;
  /** gongwen.json as last read (in an untrusted workspace its settings only), and its folder (for paths it names). */
  project(): { config: ProjectConfig; dir: string | undefined };
  /** Show warnings about gongwen.json and the files it names, each once until gongwen.json changes. */
  tell(warnings: readonly string[]): void;
  /** gongwen.json `ignore` and `overrides`; written by quick fixes only in a trusted workspace. */
  suppressions(): Suppressions;
}

export interface SettingsIo {
  pull(section: string): Promise<unknown>;
  /** Tell the user once about a gongwen.json that cannot be used. */
  warn(message: string): void;
  logError(message: string): void;
}

export function createSettingsSource(params: InitializeParams, io: SettingsIo): SettingsSource {
  const canPull = params.capabilities.workspace?.configuration === true;
  const configPath = projectConfigPath(params);
  const options = params.initializationOptions as InitializationOptions | undefined;
  const trusted = options?.trusted !== false;
  let editor = asSettings(options?.settings);
  let project: ConfigResult = { config: {} };
  let lastProject: string | undefined;
  let told = new Set<string>();
  let toldUntrusted = false;
  const tell = (warnings: readonly string[]) => {
    for (const w of warnings) {
      if (told.has(w)) continue;
      told.add(w);
      io.warn(w);
    }
  };

  return {
    canPull,
    async loadEditor(pushed) {
      if (canPull) {
        try {
          editor = asSettings(await io.pull(CONFIG_SECTION));
        } catch (err) {
          io.logError(`workspace/configuration failed: ${(err as Error)?.message ?? String(err)}`);
        }
      } else if (typeof pushed === 'object' && pushed !== null && CONFIG_SECTION in pushed) {
        editor = asSettings((pushed as Record<string, unknown>)[CONFIG_SECTION]);
      }
    },
    loadProject() {
      if (!configPath) return false;
      let result = readProjectConfig(configPath);
      if (!trusted) {
        const ignored = Object.keys(result.config).filter((k) => !UNTRUSTED_KEYS.has(k as keyof ProjectConfig));
        result = { ...result, config: untrustedConfig(result.config) };
        // One message for the session, however often gongwen.json changes.
        if (ignored.length && !toldUntrusted) {
          toldUntrusted = true;
          io.warn(t('此工作区未受信任（受限模式）：gongwen.json 中的路径和文件（{0}）已忽略，只使用其中的规则设置；内置知识照常使用。信任此工作区后生效。', ignored.join('、')));
        }
      }
      const key = JSON.stringify(result);
      if (key === lastProject) return false;
      lastProject = key;
      project = result;
      told = new Set();
      tell([...(result.error ? [result.error] : []), ...(result.warnings ?? [])]);
      return true;
    },
    trusted,
    current: () => mergeSettings(editor, project.config),
    project: () => ({ config: project.config, dir: configPath && path.dirname(configPath) }),
    tell,
    suppressions: () => projectSuppressions(project.config, configPath, trusted),
  };
}

/** The suppressions of gongwen.json at `configPath`; the quick fixes read the file as it is when they are asked for. */
export function projectSuppressions(config: ProjectConfig, configPath: string | undefined, writable: boolean): Suppressions {
  if (!configPath) return { dir: '', ignore: [], overrides: [] };
  const read = (): string | undefined => {
    try {
      return fs.readFileSync(configPath, 'utf8');
    } catch {
      return undefined;
    }
  };
  return {
    dir: path.dirname(configPath).replace(/\\/g, '/'),
    ignore: config.ignore ?? [],
    overrides: config.overrides ?? [],
    ...(writable ? { file: () => ({ uri: pathToFileURL(configPath).href, text: read() }) } : {}),
  };
}

function projectConfigPath(params: InitializeParams): string | undefined {
  const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
  if (!root?.startsWith('file:')) return undefined;
  return path.join(fileURLToPath(root), PROJECT_CONFIG_FILE);
}

export function isProjectConfig(uri: string): boolean {
  return uri.endsWith(`/${PROJECT_CONFIG_FILE}`);
}


/** Settings arrive from any client as untyped JSON: keep only well-formed values. */
function asSettings(value: unknown): Partial<GongwenSettings> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const out: Partial<GongwenSettings> = {};
  if (v.language === 'zh-cn' || v.language === 'en') out.language = v.language;
  if (typeof v.detectPlainText === 'boolean') out.detectPlainText = v.detectPlainText;
  const lens = v.codeLens as Record<string, unknown> | undefined;
  if (typeof lens === 'object' && lens !== null && typeof lens.upper === 'boolean') out.codeLens = { upper: lens.upper };
  if (typeof v.jurisdiction === 'string') out.jurisdiction = v.jurisdiction;
  const ex = v.export as Record<string, unknown> | undefined;
  const fonts = typeof ex === 'object' && ex !== null ? readFonts(ex.fonts) : undefined;
  if (fonts) out.export = { fonts };
  if (typeof v.unitLeadFirst === 'boolean') out.unitLeadFirst = v.unitLeadFirst;
  if (typeof v.rules === 'object' && v.rules !== null && !Array.isArray(v.rules)) {
    out.rules = Object.fromEntries(
      Object.entries(v.rules).filter((entry): entry is [string, RuleSetting] => RULE_SETTINGS.includes(entry[1] as RuleSetting)),
    );
  }
  return out;
}
