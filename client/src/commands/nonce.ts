/** The nonce a webview's CSP allows its own script by: 32 hex characters, fresh for each page. */
import { randomBytes } from 'node:crypto';

export function webviewNonce(): string {
  return randomBytes(16).toString('hex');
}
