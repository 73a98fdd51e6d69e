/** Command-line arguments: `gongwen <verb> [options] PATH...`, parsed with `node:util` parseArgs. */
import { parseArgs } from 'node:util';
import type { UiLanguage } from '../settings';
import { t } from '../l10n';
import { CLI_OPTIONS } from './options';

export type Verb = 'lint' | 'outline' | 'units' | 'align' | 'coverage' | 'export' | 'report';
/** `html` and `markdown` are the review report of `lint` (issue #15). */
export type OutputFormat = 'text' | 'json' | 'html' | 'markdown';
type Layout = NonNullable<CliArgs['layout']>;
/** The layouts of `export` (the same list as export/special.ts, not imported: the export loads only when used). */
const LAYOUTS: readonly Layout[] = ['general', 'letter', 'order', 'minutes'];
const FORMATS: readonly OutputFormat[] = ['text', 'json', 'html', 'markdown'];

export interface CliArgs {
  verb?: Verb;
  format: OutputFormat;
  config?: string;
  lang?: UiLanguage;
  help: boolean;
  version: boolean;
  /** `lint --fix`: apply every certain fix in place (issue #3). */
  fix?: boolean;
  /** `lint --fix-dry-run`: print the fixes as a unified diff, write nothing. */
  fixDryRun?: boolean;
  /** `lint --annotate OUT.docx IN.docx`: write a copy of IN with each finding as a Word comment (issue #15). */
  annotate?: string;
  /** `lint --annotate … --comments-only`: comments only, no certain fixes as tracked changes. */
  commentsOnly?: boolean;
  paths: string[];
  /** `lint`/`report --jobs N`: threads for many files (1: in this thread); default every core (issues #18, #19). */
  jobs?: number;
  /** `--upper FILE` (repeatable): higher-level plans for lint, align and coverage (issue #5). */
  upper: string[];
  /** `export --docx`: the format to export to (the only one so far, issue #16). */
  docx?: boolean;
  /** `export --format`: the layout (GB/T 9704-2012 §10), instead of the one the genre gives. */
  layout?: 'general' | 'letter' | 'order' | 'minutes';
  /** `export --out FILE`: where the export goes (default: beside the input). */
  out?: string;
  /** `export --force`: export a document with errors, and overwrite an existing output. */
  force?: boolean;
  /** `report --html OUT`: the overview as one self-contained HTML page (issue #19). */
  html?: string;
  /** `report --csv OUT`: the targets table for spreadsheets. */
  csv?: string;
}

/** A usage mistake: the CLI prints the message and the usage, then exits with 2. */
export class UsageError extends Error {}

const VERBS: readonly Verb[] = ['lint', 'outline', 'units', 'align', 'coverage', 'export', 'report'];
/** Verbs that are named already but not available yet (none since the higher-level-plan feature). */
export const RESERVED_VERBS: readonly Verb[] = [];

/** The `--lang` value, looked at before full parsing so that even usage errors speak the asked language. */
export function peekLanguage(argv: readonly string[]): UiLanguage | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (value === 'en' || value === 'zh-cn') return value;
  }
  return undefined;
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: CLI_OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(describeParseError(err as NodeJS.ErrnoException));
  }
  const { values, positionals } = parsed;
  const args: CliArgs = {
    format: 'text',
    help: values.help ?? false,
    version: values.version ?? false,
    config: values.config,
    paths: positionals.slice(1),
    upper: values.upper ?? [],
    fix: values.fix ?? false,
    fixDryRun: values['fix-dry-run'] ?? false,
    annotate: values.annotate,
    commentsOnly: values['comments-only'] ?? false,
    docx: values.docx ?? false,
    out: values.out,
    force: values.force ?? false,
    html: values.html,
    csv: values.csv,
  };
  // `--json` is `--format json` (report DIR --json).
  if (values.json) values.format ??= 'json';
  // `export --format letter|order|minutes|general`: the layout of the .docx (export/special.ts).
  if (positionals[0] === 'export' && values.format !== undefined) {
    if (!LAYOUTS.includes(values.format as Layout)) throw new UsageError(t('export 的 --format 只能是 general、letter、order 或 minutes，而不是“{0}”。', values.format));
    args.layout = values.format as Layout;
    values.format = undefined;
  }
  if (values.format !== undefined) {
    if (!FORMATS.includes(values.format as OutputFormat)) throw new UsageError(t('--format 只能是 text、json、html 或 markdown，而不是“{0}”。', values.format));
    args.format = values.format as OutputFormat;
  }
  if (values.lang !== undefined) {
    if (values.lang !== 'zh-cn' && values.lang !== 'en') throw new UsageError(t('--lang 只能是 zh-cn 或 en，而不是“{0}”。', values.lang));
    args.lang = values.lang;
  }
  if (values.jobs !== undefined) {
    const jobs = Number(values.jobs);
    if (!/^[0-9]+$/.test(values.jobs) || !Number.isSafeInteger(jobs) || jobs < 1) throw new UsageError(t('--jobs 需要一个正整数，而不是“{0}”。', values.jobs));
    args.jobs = jobs;
  }
  const verb = positionals[0];
  if (verb !== undefined) {
    if (!VERBS.includes(verb as Verb)) throw new UsageError(t('未知的命令“{0}”。', verb));
    args.verb = verb as Verb;
  }
  if (args.format === 'html' || args.format === 'markdown') {
    if (args.verb !== undefined && args.verb !== 'lint') throw new UsageError(t('--format {0} 只用于 lint 命令。', args.format));
    if (args.fix || args.fixDryRun || args.annotate !== undefined) throw new UsageError(t('--format {0} 不能与 --fix、--fix-dry-run 或 --annotate 同时使用。', args.format));
  }
  if ((args.html !== undefined || args.csv !== undefined || values.json) && args.verb !== 'report') throw new UsageError(t('--json、--html 和 --csv 只用于 report 命令。'));
  if (args.jobs !== undefined && args.verb !== 'lint' && args.verb !== 'report') throw new UsageError(t('--jobs 只用于 lint 和 report 命令。'));
  if (args.fix && args.fixDryRun) throw new UsageError(t('--fix 和 --fix-dry-run 不能同时使用。'));
  if ((args.fix || args.fixDryRun) && args.verb !== 'lint') throw new UsageError(t('--fix 和 --fix-dry-run 只用于 lint 命令。'));
  if (args.annotate !== undefined) {
    if (args.verb !== 'lint') throw new UsageError(t('--annotate 只用于 lint 命令。'));
    if (args.fix || args.fixDryRun) throw new UsageError(t('--annotate 不能与 --fix 或 --fix-dry-run 同时使用。'));
    if (args.paths.length !== 1) throw new UsageError(t('--annotate 需要一个输入的 .docx 文件。'));
  }
  if (args.commentsOnly && args.annotate === undefined) throw new UsageError(t('--comments-only 只用于 lint --annotate。'));
  if ((args.docx || args.out !== undefined || args.force) && args.verb !== 'export') throw new UsageError(t('--docx、--out 和 --force 只用于 export 命令。'));
  return args;
}

function describeParseError(err: NodeJS.ErrnoException): string {
  // Node names the option in English ("Option '-f, --format <value>' argument missing"); keep just `--format`.
  const name = /--[a-z-]+/.exec(err.message)?.[0] ?? /'([^']+)'/.exec(err.message)?.[1] ?? '';
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return t('未知的选项“{0}”。', name);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return t('选项“{0}”的值缺失或无效。', name);
    default:
      return err.message;
  }
}

export function usage(): string {
  return [
    t('用法：'),
    '  gongwen lint [--format text|json|html|markdown] [--config FILE] [--lang zh-cn|en] [--fix | --fix-dry-run] PATH...',
    '  gongwen lint --annotate OUT.docx [--comments-only] IN.docx',
    '  gongwen outline [--format text|json] [--lang zh-cn|en] FILE',
    '  gongwen units [--format text|json] [--config FILE] [--lang zh-cn|en] FILE',
    '  gongwen align --upper FILE [--format text|json] FILE',
    '  gongwen coverage --upper FILE FILE',
    '  gongwen export --docx [--format general|letter|order|minutes] [--out FILE] [--force] FILE',
    '  gongwen report [--json | --format text|json] [--html OUT.html] [--csv OUT.csv] [--config FILE] DIR',
    '  gongwen --help | --version',
    '',
    t('命令：'),
    '  lint      ' + t('检查公文（文件或文件夹，文件夹中查找 *.txt、*.gw、*.gongwen、*.docx、*.pdf）'),
    '  outline   ' + t('列出公文要素和标题层级'),
    '  align     ' + t('逐条列出与上级方案最匹配的条款及相似度'),
    '  coverage  ' + t('列出上级方案各条款的落实情况：已覆盖、较弱、缺失'),
    '  units     ' + t('列出每个责任单位负责的任务条目（标题路径与位置）'),
    '  export    ' + t('按 GB/T 9704-2012 公文格式导出为 Word 文件（.docx）'),
    '  report    ' + t('文件夹中各级方案的总览：所属地区、上级方案、逾期、目标对照、任务覆盖、各方案问题'),
    '',
    t('选项：'),
    '  -f, --format   ' + t('输出格式：text（默认）或 json；lint 还可用 html 或 markdown 输出审阅报告（按文件、按严重程度列出问题及所在段落）'),
    '  -c, --config   ' + t('gongwen.json 配置文件（默认读取当前目录下的 gongwen.json）'),
    '      --lang     ' + t('输出语言：zh-cn（默认）或 en'),
    '      --upper    ' + t('上级方案文件（可重复）：lint 据此检查目标，align、coverage 与之对照'),
    '      --fix      ' + t('lint：就地应用所有确定的修复（只在有改动时写回，保留编码和换行），再报告余下的问题'),
    '      --fix-dry-run  ' + t('lint：以统一差异格式显示将做的修复，不写文件（有改动时退出码为 1）'),
    '      --annotate ' + t('lint：把每个问题作为 Word 批注写入 .docx 的副本（输入文件不变）'),
    '      --comments-only  ' + t('lint --annotate：只写批注，不把确定的修复写成修订'),
    '  -j, --jobs     ' + t('lint、report：同时检查的线程数（默认为处理器核数；1 表示只用当前线程；文件少于 8 个时不另开线程）'),
    '      --docx     ' + t('export：导出为 Word 文件'),
    '  -o, --out      ' + t('export：输出文件（默认与输入文件同名，扩展名为 .docx）'),
    '      --force    ' + t('export：有错误时照样导出，输出文件已存在时覆盖它'),
    '      --json     ' + t('report：同 --format json'),
    '      --html     ' + t('report：把总览写成一个独立的 HTML 页面（不需联网）'),
    '      --csv      ' + t('report：把目标对照表写成 CSV 文件（供 Excel 使用）'),
    '  -h, --help     ' + t('显示本帮助'),
    '  -v, --version  ' + t('显示版本号'),
    '',
    t('退出码：0 没有错误；1 发现错误级别的问题；2 用法错误或文件无法读取。'),
    '',
  ].join('\n');
}
