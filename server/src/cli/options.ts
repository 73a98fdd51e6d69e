/**
 * The command line's options, for `node:util` parseArgs. A module of its own, with nothing imported, because the
 * CLI's starter (cli-start.ts) reads them too before the bundle loads (cli/early-workers.ts); args.ts checks them.
 */
export const CLI_OPTIONS = {
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  upper: { type: 'string', multiple: true },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  annotate: { type: 'string' },
  'comments-only': { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
  docx: { type: 'boolean' },
  out: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
  html: { type: 'string' },
  csv: { type: 'string' },
} as const;
