/** The language service of the CLI: built in io/service.ts, which the server's report of a folder shares. */
export { cliService, docsBase, fileUri, type ServiceRequest, type WarningSink } from '../io/service';
