/**
 * A clause template as an LSP snippet: `{级}` becomes the first tab stop (the jurisdiction's
 * prefix, mirrored wherever it recurs), `{牵头单位}` the second, any other `{名}` a further tab stop
 * with its name as placeholder text. Literal `$`, `}` and `\` are escaped (LSP snippet syntax).
 */
import type { LevelPrefix } from './jurisdiction';

const escape = (s: string) => s.replace(/[$}\\]/g, (c) => `\\${c}`);

/** Plain text with `{级}`/`{牵头单位}` resolved (for previews). */
export function fillTemplate(body: string, prefix: string, lead: string): string {
  return body.replace(/\{([^{}]{1,20})\}/g, (_, name: string) => (name === '级' ? prefix : name === '牵头单位' ? lead : `【${name}】`));
}

export function templateSnippet(text: string, prefix: LevelPrefix | undefined): string {
  const stops = new Map<string, number>([['级', 1], ['牵头单位', 2]]);
  const used = new Set<number>();
  let out = '';
  let at = 0;
  for (const m of text.matchAll(/\{([^{}]{1,20})\}/g)) {
    out += escape(text.slice(at, m.index));
    at = m.index + m[0].length;
    const name = m[1];
    if (!stops.has(name)) stops.set(name, stops.size + 1);
    const n = stops.get(name)!;
    if (used.has(n)) out += `$${n}`;
    else {
      used.add(n);
      if (name === '级') out += prefix ? `\${1:${prefix}}` : '${1|市,县,区|}';
      // The leading body mirrors the prefix inside its default (县科协), so one edit of $1 carries over.
      else if (name === '牵头单位') out += used.has(1) ? '${2:$1科协}' : `\${2:${prefix ?? '市'}科协}`;
      else out += `\${${n}:${escape(name)}}`;
    }
  }
  return out + escape(text.slice(at));
}
