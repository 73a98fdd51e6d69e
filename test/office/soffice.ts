/**
 * LibreOffice at test time: PDF fixtures are made from the .docx fixtures, and an annotated .docx
 * must convert without error. Nothing is skipped silently: without `soffice` the tests fail and say
 * how to install it (.ci/run installs it before `npm test`).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export function requireSoffice(): string {
  const found = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
  if (!found) throw new Error('soffice (LibreOffice) is missing: run `apt-get install -y libreoffice-writer-nogui` (.ci/run does this before npm test)');
  return found;
}

/** Converts every file to `format` (pdf, doc …) into `outDir` in one LibreOffice run; returns the outputs by input name. */
export function convert(files: readonly string[], format: string, outDir: string): Map<string, string> {
  const soffice = requireSoffice();
  // A private profile: parallel runs (and a user's open LibreOffice) do not share a lock.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-lo-'));
  try {
    const r = spawnSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', format, '--outdir', outDir, ...files], { encoding: 'utf8', timeout: 300_000 });
    if (r.status !== 0) throw new Error(`soffice --convert-to ${format} failed (${r.status}): ${r.stderr}`);
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const ext = format.split(':')[0];
  const out = new Map<string, string>();
  for (const f of files) {
    const target = path.join(outDir, path.basename(f).replace(/\.[^.]+$/, '.' + ext));
    if (!fs.existsSync(target)) throw new Error(`soffice did not write ${target}`);
    out.set(f, target);
  }
  return out;
}
