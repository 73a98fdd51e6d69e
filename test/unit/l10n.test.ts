import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './helpers';
import { setLanguage, t } from '../../server/src/l10n';

const bundle: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.en.json'), 'utf8'));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

describe('l10n: Chinese source messages with an English bundle', () => {
  const messages = new Map<string, string>();
  for (const file of sourceFiles(path.join(ROOT, 'server', 'src'))) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) messages.set(m[1], path.relative(ROOT, file));
  }

  it('finds the messages it checks', () => {
    assert.ok(messages.size > 20, `only ${messages.size} messages found`);
  });

  it('every t() message in server/src has an English translation with the same placeholders', () => {
    const problems: string[] = [];
    for (const [message, file] of messages) {
      if (!(message in bundle)) problems.push(`${file}: missing "${message}"`);
      else if (placeholders(message).join() !== placeholders(bundle[message]).join()) problems.push(`${file}: placeholders differ in "${message}"`);
    }
    assert.deepEqual(problems, []);
  });

  it('switches language at run time and back', () => {
    try {
      setLanguage('en');
      assert.equal(t('改为 {0}', 3), 'Change to 3');
      setLanguage('zh-cn');
      assert.equal(t('改为 {0}', 3), '改为 3');
    } finally {
      setLanguage('zh-cn');
    }
  });
});
