/**
 * The server's connection. The transport comes from argv as `createConnection` reads it
 * (`--stdio`, `--node-ipc`, `--socket`, `--pipe`: the first one named); over stdio the messages are
 * written with publish-encoder.ts, which the library's own stdio set-up cannot be given.
 */
import { inspect } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { contentTypeEncoder } from './publish-encoder';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];

/** The transport argument `createConnection` would act on: the first of argv that names one. */
export function transportArgument(argv: readonly string[]): string | undefined {
  return argv.map((a) => a.split('=')[0]!).find((a) => TRANSPORTS.includes(a));
}

export function createServerConnection(): Connection {
  if (transportArgument(process.argv.slice(2)) !== '--stdio') return createConnection(ProposedFeatures.all);
  // stdin as a stream, so that the library still ends the process when the editor closes it.
  const writer = new StreamMessageWriter(process.stdout, { contentTypeEncoder });
  const connection = createConnection(ProposedFeatures.all, process.stdin, writer as unknown as NodeJS.WritableStream);
  sendConsoleToClient(connection);
  return connection;
}

/**
 * Over stdio, anything printed would break the protocol: console output goes to the client's log,
 * as the library does when it sets stdio up itself (its `patchConsole`).
 */
function sendConsoleToClient(connection: Connection): void {
  const remote = connection.console;
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  console.log = console.debug = (...args: unknown[]) => remote.log(text(args));
  console.info = (...args: unknown[]) => remote.info(text(args));
  console.warn = (...args: unknown[]) => remote.warn(text(args));
  console.error = (...args: unknown[]) => remote.error(text(args));
  console.trace = (...args: unknown[]) => remote.log(`Trace${args.length ? `: ${text(args)}` : ''}\n${new Error().stack?.replace(/(.+\n){2}/, '') ?? ''}`);
  console.dir = (value: unknown, options?: object) => remote.log(inspect(value, options));
  console.assert = (assertion?: unknown, ...args: unknown[]) => {
    if (!assertion) remote.error(`Assertion failed${args.length ? `: ${text(args)}` : ''}`);
  };
}
