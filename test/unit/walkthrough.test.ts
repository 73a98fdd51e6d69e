/**
 * The first-run walkthrough (issue #20): five steps in order, each with a Chinese and an English title and
 * description, a Markdown page that ships in the .vsix, images on that page that exist and ship too, and a
 * command link that names a command the extension or VS Code has.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './helpers';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
const nlsZh: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8'));
const shipped = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1));
/** Whether `.vscodeignore` (everything out, then `!` patterns back in) keeps the file in the package. */
const ships = (rel: string) =>
  shipped.some((p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*')}$`).test(rel));
const key = (s: string) => /^%(.+)%$/.exec(s)?.[1] ?? assert.fail(`not an nls reference: ${s}`);

describe('walkthrough (issue #20)', () => {
  const [walkthrough] = manifest.contributes.walkthroughs;

  it('goes: open a sample, see problems, fix all, new plan, go to the upper plan', () => {
    assert.deepEqual(walkthrough.steps.map((s: { id: string }) => s.id), ['openSample', 'seeProblems', 'fixAll', 'newPlan', 'upperPlan']);
  });

  it('every title and description is in Chinese and in English', () => {
    const strings = [walkthrough.title, walkthrough.description, ...walkthrough.steps.flatMap((s: { title: string; description: string }) => [s.title, s.description])];
    for (const s of strings) {
      assert.match(nlsZh[key(s)] ?? '', /[\u4e00-\u9fff]/, s);
      assert.ok(nls[key(s)], s);
    }
  });

  it('each step\'s page and the images on it exist and ship in the .vsix, with the sample the first step opens', () => {
    assert.ok(ships('docs/walkthrough/sample-weihai.gw') && fs.existsSync(path.join(ROOT, 'docs/walkthrough/sample-weihai.gw')));
    for (const step of walkthrough.steps) {
      const page = step.media.markdown as string;
      assert.ok(fs.existsSync(path.join(ROOT, page)) && ships(page), page);
      for (const m of fs.readFileSync(path.join(ROOT, page), 'utf8').matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) {
        const image = path.posix.join(path.posix.dirname(page), m[1]);
        assert.ok(fs.existsSync(path.join(ROOT, image)), `${page}: ${image} missing`);
        assert.ok(ships(image), `${page}: ${image} is not in the package (.vscodeignore)`);
      }
    }
  });

  it('each step\'s button runs a command the extension contributes or VS Code has, and completes the step', () => {
    const ours = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
    for (const step of walkthrough.steps) {
      for (const text of [nls[key(step.description)], nlsZh[key(step.description)]]) {
        const commands = [...text.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
        assert.equal(commands.length, 1, text);
        assert.ok(ours.has(commands[0]) || /^(workbench|editor)\./.test(commands[0]), commands[0]);
        assert.ok(step.completionEvents.includes(`onCommand:${commands[0]}`), `${step.id}: ${commands[0]} does not complete the step`);
      }
    }
  });
});

describe('gongwen.server.documentInfo: what the status-bar item names (issue #20)', () => {
  // Imported here so the manifest checks above need no service.
  const { createLanguageService } = require('../../server/src/service') as typeof import('../../server/src/service');
  const { readSeed } = require('./helpers') as typeof import('./helpers');
  const service = createLanguageService();
  const info = (text: string) => service.executeCommand('gongwen.server.documentInfo', service.parse('file:///a.gw', text), []).data;

  it('names the covering document\'s genre as the outline does, and the kind of each document it issues', () => {
    assert.deepEqual(info(readSeed('002')), { genre: '通知（印发）', carried: ['实施意见'] });
    assert.deepEqual(info(readSeed('004')), { genre: '通知（印发）', carried: ['实施方案'] });
    // Seed 000 has lost its notice title: 公文, as the outline calls it.
    assert.equal((info(readSeed('000')) as { genre: string }).genre, '公文');
    assert.deepEqual(info(''), { genre: '公文', carried: [] });
  });
});
