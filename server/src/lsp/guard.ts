/**
 * One failing handler must not take the server down: the error is logged and the request
 * answers with an empty result, as if the document had nothing to show.
 */
export function guard<A extends unknown[], R>(
  name: string,
  fallback: R,
  handler: (...args: A) => R | Promise<R>,
  logError: (message: string) => void,
): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (err) {
      logError(`${name} failed: ${(err as Error)?.stack ?? String(err)}`);
      return fallback;
    }
  };
}
