/** Entry point the extension host calls: runs the mocha suite and reports mocha's "N passing". */
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: true, reporter: 'spec' });
  // The test file is bundled into this one; defining the BDD globals first lets it register its suites.
  mocha.suite.emit('pre-require', globalThis, 'extension.test.ts', mocha);
  require('./extension.test');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} failing`)) : resolve()));
  });
}
