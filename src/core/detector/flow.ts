import { isSpace, trimEnd } from './text';

/** Top-level items of a flow sequence `[a, "b", c]` in [s, e) (s at `[`). */
export function flowItems(text: string, s: number, e: number): Array<{ s: number; e: number }> {
  const items: Array<{ s: number; e: number }> = [];
  let depth = 0;
  let quote = 0;
  let is = s + 1;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
      continue;
    }
    if (c === 34 || c === 39) quote = c;
    else if (c === 91 || c === 123) depth++;
    else if (c === 93 || c === 125) {
      depth--;
      if (depth === 0) {
        items.push({ s: is, e: i });
        break;
      }
    } else if (c === 44 && depth === 1) {
      items.push({ s: is, e: i });
      is = i + 1;
    }
  }
  return items
    .map((it) => {
      let a = it.s;
      let b = it.e;
      while (a < b && isSpace(text.charCodeAt(a))) a++;
      b = trimEnd(text, a, b);
      return { s: a, e: b };
    })
    .filter((it) => it.e > it.s);
}
