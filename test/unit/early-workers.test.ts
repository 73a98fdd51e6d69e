/** cli/early-workers.ts: `lint` over many documents starts its worker threads before the bundle loads (issue #18). */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  documentsUnder,
  EARLY_MIN_BYTES,
  earlyLintWorkers,
  PARALLEL_MIN_FILES,
  releaseEarlyWorkers,
  startEarlyWorkers,
  takeEarlyWorker,
  type DocumentCount,
} from '../../server/src/cli/early-workers';

/** A machine of `cores` whose paths hold `found` documents. */
const machine = (cores: number, found: DocumentCount) => ({ cores, documentsUnder: () => found });
const MANY: DocumentCount = { files: 1000, bytes: 28_000_000 };

describe('which command lines start lint workers before the bundle loads', () => {
  it('lint over many documents: one worker fewer than the jobs, every core by default', () => {
    assert.equal(earlyLintWorkers(['lint', 'dir'], machine(2, MANY)), 1);
    assert.equal(earlyLintWorkers(['lint', '--format', 'json', 'dir'], machine(8, MANY)), 7);
    assert.equal(earlyLintWorkers(['lint', '--jobs', '4', 'dir'], machine(2, MANY)), 3);
    assert.equal(earlyLintWorkers(['lint', '-j', '2', 'dir'], machine(8, MANY)), 1);
    assert.equal(earlyLintWorkers(['lint', '--jobs=3', 'dir'], machine(8, MANY)), 2);
  });

  it('none where lint would not share the work out, or may not', () => {
    assert.equal(earlyLintWorkers(['lint', 'dir'], machine(1, MANY)), 0, 'one core');
    assert.equal(earlyLintWorkers(['lint', '--jobs', '1', 'dir'], machine(8, MANY)), 0);
    assert.equal(earlyLintWorkers(['lint', 'dir'], machine(2, { files: PARALLEL_MIN_FILES - 1, bytes: 50_000_000 })), 0, 'too few files');
    assert.equal(earlyLintWorkers(['lint', 'dir'], machine(2, { files: 100, bytes: EARLY_MIN_BYTES - 1 })), 0, 'too little text');
    for (const other of [['lint', '--fix', 'dir'], ['lint', '--fix-dry-run', 'dir'], ['lint', '--annotate', 'o.docx', 'i.docx'], ['lint', '--help'], ['report', 'dir'], ['outline', 'dir']]) {
      assert.equal(earlyLintWorkers(other, machine(2, MANY)), 0, other.join(' '));
    }
  });

  it('none for a command line the bundle will refuse or read otherwise', () => {
    for (const odd of [['lint', '--jobs', 'two', 'dir'], ['lint', '--jobs', '0', 'dir'], ['lint', '--no-such-option', 'dir'], ['--format', 'json', 'lint', 'dir'], []]) {
      assert.equal(earlyLintWorkers(odd, machine(2, MANY)), 0, odd.join(' '));
    }
  });
});

describe('counting the documents under the paths', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-early-'));
    fs.mkdirSync(path.join(dir, 'county'));
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.mkdirSync(path.join(dir, '.git'));
    fs.writeFileSync(path.join(dir, 'a.txt'), 'x'.repeat(1000));
    fs.writeFileSync(path.join(dir, 'county', 'b.docx'), 'x'.repeat(2000));
    fs.writeFileSync(path.join(dir, 'county', '~$b.docx'), 'x'.repeat(4000));
    fs.writeFileSync(path.join(dir, 'picture.png'), 'x'.repeat(8000));
    fs.writeFileSync(path.join(dir, 'node_modules', 'c.txt'), 'x'.repeat(16000));
    fs.writeFileSync(path.join(dir, '.git', 'd.txt'), 'x'.repeat(32000));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("counts a folder's documents, in its subfolders too, as the listing takes them", () => {
    assert.deepEqual(documentsUnder([dir]), { files: 2, bytes: 3000 });
  });

  it('counts a file named whatever its extension, and nothing for a path that is not there', () => {
    assert.deepEqual(documentsUnder([path.join(dir, 'picture.png'), path.join(dir, 'missing.txt')]), { files: 1, bytes: 8000 });
  });

  it('stops once there are enough', () => {
    const big = path.join(dir, 'big');
    fs.mkdirSync(big);
    const each = Math.ceil(EARLY_MIN_BYTES / PARALLEL_MIN_FILES);
    for (let i = 0; i < 3 * PARALLEL_MIN_FILES; i++) fs.writeFileSync(path.join(big, `${String(i).padStart(2, '0')}.txt`), Buffer.alloc(each, 0x41));
    const found = documentsUnder([big]);
    assert.equal(found.files, PARALLEL_MIN_FILES);
    assert.ok(found.bytes >= EARLY_MIN_BYTES);
  });
});

describe('handing workers started early to lint', () => {
  /** A real thread that answers its first message with what it was sent, doubled. */
  const echo = () => new Worker("require('node:worker_threads').parentPort.once('message', (n) => require('node:worker_threads').parentPort.postMessage(n * 2));", { eval: true });

  it('a worker taken gets its job in a message; each is taken once', async () => {
    startEarlyWorkers(2, echo);
    const first = takeEarlyWorker();
    const second = takeEarlyWorker();
    assert.ok(first && second && first !== second);
    assert.equal(takeEarlyWorker(), undefined);
    const answer = new Promise((resolve) => first.once('message', resolve));
    first.postMessage(21);
    assert.equal(await answer, 42);
    await Promise.all([first.terminate(), second.terminate()]);
  });

  it('the workers nobody took are ended when lint releases them', async () => {
    startEarlyWorkers(1, echo);
    // The worker is not taken: lint linted the files here.
    const exited = new Promise<number>((resolve) => {
      const worker = (globalThis as Record<symbol, Worker[] | undefined>)[Symbol.for('gongwen.earlyLintWorkers')]![0];
      worker.once('exit', resolve);
    });
    releaseEarlyWorkers();
    assert.equal(typeof (await exited), 'number');
    assert.equal(takeEarlyWorker(), undefined);
  });

  it('starts none when a thread cannot be made', () => {
    startEarlyWorkers(2, () => {
      throw new Error('no more threads');
    });
    assert.equal(takeEarlyWorker(), undefined);
  });
});
