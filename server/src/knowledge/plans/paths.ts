/** Matching document URIs against the path patterns of gongwen.json `upper` (pure: no fs). */

/** The file-system path of a `file:` URI (`/c:/x` on Windows becomes `c:/x`); other URIs as they are. */
export function uriPath(uri: string): string {
  if (!uri.startsWith('file://')) return uri;
  let p: string;
  try {
    p = decodeURIComponent(uri.slice('file://'.length));
  } catch {
    p = uri.slice('file://'.length);
  }
  return /^\/[A-Za-z]:/.test(p) ? p.slice(1) : p;
}

const globCache = new Map<string, RegExp>();

/** `**` any path, `*` any name part, `?` one character; everything else literal. Separators normalised to `/`. */
export function globMatches(pattern: string, path: string): boolean {
  let re = globCache.get(pattern);
  if (!re) {
    const src = pattern
      .replace(/\\/g, '/')
      .split(/(\*\*\/?|\*|\?)/)
      .map((part) => (part.startsWith('**') ? '.*' : part === '*' ? '[^/]*' : part === '?' ? '[^/]' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('');
    re = new RegExp(`^${src}$`, /^[A-Za-z]:/.test(pattern) ? 'i' : '');
    globCache.set(pattern, re);
  }
  return re.test(path.replace(/\\/g, '/'));
}
