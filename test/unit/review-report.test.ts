/**
 * The review report (`gongwen lint --format html|markdown`, issue #15): every finding of the text
 * report is there, grouped by severity, with its paragraph and its own characters marked; the
 * document's text cannot inject markup; usage mistakes are refused. The HTML is rendered in
 * Chromium by test/e2e/review-report.test.ts.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cli/main';
import { findingContext } from '../../server/src/cli/report-context';
import { createLanguageService } from '../../server/src/service';
import { setLanguage } from '../../server/src/l10n';
import { readSeed, seedPath, textAt } from './helpers';

function run(argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(argv, { out: (s) => (out += s), err: (s) => (err += s), colour: false }, '0.0.0');
  return { code, out, err };
}

const service = createLanguageService();
const unescapeHtml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('review report: lint --format html|markdown (issue #15)', () => {
  const seed = seedPath('003');
  const json = JSON.parse(run(['lint', '--format', 'json', seed]).out) as Array<{ diagnostics: Array<{ rule: string; severity: string; message: string }> }>;
  const findings = json[0].diagnostics;

  it('the HTML page holds every finding once, grouped by severity in the order 错误 警告 信息 提示, each with its message and rule link', () => {
    const { code, out } = run(['lint', '--format', 'html', seed]);
    assert.equal(code, 0); // seed 003 has warnings and information only
    assert.match(out, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
    assert.match(out, /<title>公文检查报告<\/title>/);
    // Self-contained: no script, no stylesheet or image fetched.
    assert.doesNotMatch(out, /<script|<link |<img |@import|url\(/i);
    const items = [...out.matchAll(/<li><div>[\s\S]*?<\/li>/g)].map((m) => m[0]);
    assert.equal(items.length, findings.length);
    const groups = [...out.matchAll(/<h3><span class="badge (\w+)">([^<]+)<\/span>(\d+) 个<\/h3>/g)].map((m) => [m[1], m[2], Number(m[3])]);
    const bySeverity = (s: string) => findings.filter((f) => f.severity === s).length;
    assert.deepEqual(groups, (['error', 'warning', 'information', 'hint'] as const).filter((s) => bySeverity(s) > 0).map((s) => [s, { error: '错误', warning: '警告', information: '信息', hint: '提示' }[s], bySeverity(s)]));
    for (const f of findings) assert.ok(items.some((li) => unescapeHtml(li).includes(f.message) && li.includes(`>${f.rule}</a>`)), `${f.rule}: ${f.message}`);
    assert.ok(items.every((li) => /<a class="rule" href="file:\/\/[^"]+\/docs\/rules\/[a-z-]+\.md">/.test(li)), 'each rule links to its page');
    assert.match(out, /<details><summary>提纲<\/summary><pre>文种/);
    // Within a severity, the findings are grouped by rule: one heading per (severity, rule) with its count.
    const ruleGroups = [...out.matchAll(/<h4 class="rule-group"><span class="rule">([a-z-]+)<\/span>.*（(\d+)）<\/h4>/g)].map((m) => [m[1], Number(m[2])]);
    const pairs = new Map<string, number>();
    for (const f of findings) pairs.set(`${f.severity} ${f.rule}`, (pairs.get(`${f.severity} ${f.rule}`) ?? 0) + 1);
    assert.equal(ruleGroups.length, pairs.size);
    assert.equal(ruleGroups.reduce((n, [, k]) => n + (k as number), 0), findings.length);
  });

  it('marks in each paragraph exactly the characters the finding names', () => {
    const text = readSeed('003');
    const doc = service.parse('file:///seed.gw', text);
    const diagnostics = service.diagnostics(doc);
    assert.ok(diagnostics.length > 20);
    for (const d of diagnostics) {
      const c = findingContext(doc, d);
      // Compared without whitespace: the model joins wrapped lines without the line break.
      const squeeze = (s: string) => s.replace(/\s+/g, '');
      const named = textAt(text, d.range);
      assert.ok(squeeze(named).startsWith(squeeze(c.found.replace(/…$/, ''))) && c.found.trim().length > 0 === squeeze(named).length > 0, `${d.code}: marked “${c.found}”, names “${named}”`);
      // The paragraph reads on around the mark: the characters just before it are the text's.
      if (c.before && !c.before.startsWith('…')) assert.ok(squeeze(text).includes(squeeze(c.before + c.found.replace(/…$/, ''))), `${d.code}: “${c.before}”`);
    }
    // A PDF-wrapped paragraph is shown joined: seed 003's finding on line 67 sits in a paragraph of several lines.
    const wrapped = diagnostics.map((d) => findingContext(doc, d)).filter((c) => c.before.length + c.after.length > 60);
    assert.ok(wrapped.length > 5, 'contexts are whole paragraphs, not single lines');
  });

  it('the Markdown report has the same findings, groups and marked context', () => {
    const { out } = run(['lint', '--format', 'markdown', seed]);
    assert.match(out, /^# 公文检查报告\n\n1 个文件，\d+ 个问题/);
    const items = out.split('\n').filter((l) => /^\d+\. 第 \d+ 行第 \d+ 字/.test(l));
    assert.equal(items.length, findings.length);
    const quotes = out.split('\n').filter((l) => l.startsWith('   > '));
    assert.equal(quotes.length, findings.length);
    assert.ok(quotes.every((q) => /\*\*.+\*\*|‸/.test(q)), 'each context marks the finding');
    assert.deepEqual([...out.matchAll(/^### (\S+)（(\d+)）$/gm)].map((m) => m[1]), ['警告', '信息']);
  });

  it('the document\'s text cannot inject markup into the page', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-report-'));
    try {
      const file = path.join(dir, '<b>x<i>.gw');
      fs.writeFileSync(file, '关于<script>alert(1)</script>开展工作的通知\n各单位:\n现将有关事项通知如下。\n');
      const { out } = run(['lint', '--format', 'html', file]);
      assert.doesNotMatch(out, /<script>|<b>x/);
      assert.match(out, /&lt;b&gt;x&lt;i&gt;\.gw/);
      const md = run(['lint', '--format', 'markdown', file]).out;
      assert.match(md, /\\<b\\>x\\<i\\>\.gw/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists the files that could not be checked, and speaks English with --lang en', () => {
    const { code, out } = run(['lint', '--format', 'html', '--lang', 'en', seed, 'no-such-file.gw']);
    try {
      assert.equal(code, 2);
      assert.match(out, /<html lang="en">/);
      assert.match(out, /<h1>Document review report<\/h1>/);
      assert.match(out, /Files that could not be checked \(1\)[\s\S]*no-such-file\.gw/);
    } finally {
      setLanguage('zh-cn');
    }
  });

  it('refuses html/markdown for other verbs and with --fix or --annotate', () => {
    for (const argv of [['outline', '--format', 'html', seed], ['lint', '--fix', '--format', 'markdown', seed], ['lint', '--annotate', 'x.docx', '--format', 'html', seed], ['lint', '--format', 'pdf', seed]]) {
      const { code, err } = run(argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(err, /--format/, argv.join(' '));
    }
  });
});
