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

describe('l10n: placeholders', () => {
  it('t() replaces what /{([^}]+)}/g replaces, and leaves the rest as written', () => {
    // Templates made of braces, digits and letters (unknown messages pass through untranslated).
    const alphabet = ['{', '}', '0', '1', '2', 'x', '中', '{0}', '{1}', '{}'];
    let seed = 11;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let round = 0; round < 3000; round++) {
      let template = '';
      for (let k = next(10); k > 0; k--) template += alphabet[next(alphabet.length)];
      const args = ['甲', 7, '{1}'].slice(0, 1 + next(3));
      const want = template.replace(/{([^}]+)}/g, (match, group: string) => String(args[group as unknown as number] ?? match));
      assert.equal(t(template, ...args), want, template);
    }
  });
});
