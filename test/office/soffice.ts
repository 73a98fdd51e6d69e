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

/** A LibreOffice Basic macro that opens a document hidden, accepts or rejects all its tracked changes and saves it as UTF-8 text. */
const REVIEW_MACRO = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Review(src As String, accepted As String, rejected As String)
  SaveReviewed(src, accepted, &quot;.uno:AcceptAllTrackedChanges&quot;)
  SaveReviewed(src, rejected, &quot;.uno:RejectAllTrackedChanges&quot;)
End Sub
Sub SaveReviewed(src As String, dst As String, command As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot;
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), &quot;_blank&quot;, 0, load())
  createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;).executeDispatch(doc.getCurrentController().getFrame(), command, &quot;&quot;, 0, Array())
  Dim store(1) As New com.sun.star.beans.PropertyValue
  store(0).Name = &quot;FilterName&quot;
  store(0).Value = &quot;Text (encoded)&quot;
  store(1).Name = &quot;FilterOptions&quot;
  store(1).Value = &quot;UTF8,LF&quot;
  doc.storeToURL(ConvertToURL(dst), store())
  doc.close(True)
End Sub
</script:module>
`;

/**
 * What a drafter gets in LibreOffice from a .docx with tracked changes: the text after 接受所有修订 and after
 * 拒绝所有修订 (Edit › Track Changes), by a Basic macro in a private profile. The profile is made by a first
 * start (which writes its own Standard library), then the macro is put in it and run.
 */
export function acceptAndReject(docx: string): { accepted: string; rejected: string } {
  const soffice = requireSoffice();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-lo-'));
  try {
    const env = `-env:UserInstallation=file://${profile}`;
    const init = spawnSync(soffice, [env, '--headless', '--terminate_after_init'], { encoding: 'utf8', timeout: 300_000 });
    if (init.status !== 0) throw new Error(`soffice --terminate_after_init failed (${init.status}): ${init.stderr}`);
    const module = path.join(profile, 'user', 'basic', 'Standard', 'Module1.xba');
    if (!fs.existsSync(module)) throw new Error(`soffice made no Basic library in ${profile}`);
    fs.writeFileSync(module, REVIEW_MACRO);
    const accepted = path.join(profile, 'accepted.txt');
    const rejected = path.join(profile, 'rejected.txt');
    const r = spawnSync(soffice, [env, '--headless', `macro:///Standard.Module1.Review("${docx}","${accepted}","${rejected}")`], { encoding: 'utf8', timeout: 300_000 });
    if (r.status !== 0 || !fs.existsSync(accepted) || !fs.existsSync(rejected)) throw new Error(`the LibreOffice review macro failed (${r.status}): ${r.stderr}`);
    const text = (file: string) => fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    return { accepted: text(accepted), rejected: text(rejected) };
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
