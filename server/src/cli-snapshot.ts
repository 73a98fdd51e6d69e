import * as v8 from 'node:v8';
import pkg from '../../package.json';
import { main } from './cli/main';
import { processIo } from './cli/io';

v8.startupSnapshot.setDeserializeMainFunction(() => {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  process.exitCode = main(process.argv.slice(2), processIo(), pkg.version);
});
