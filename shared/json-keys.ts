// JSON.parse keeps the last of two equal keys without a word, so a plan with a second
// "amount" in one allocation would silently lose the first. This scan finds every object
// key that repeats, with its place in the file; it is iterative, so nesting of any depth
// cannot exhaust the stack. It runs on text JSON.parse has already accepted.
import { pathText } from './problem';

interface Frame {
  readonly kind: 'object' | 'array';
  readonly keys: Set<string>;
  index: number;
  key: string | number | null;
}

/** Each repeated key as `{ path, key }`, in file order; empty for text without repeats. */
export function duplicateKeys(text: string, limit = 20): { path: string; key: string }[] {
  const found: { path: string; key: string }[] = [];
  const stack: Frame[] = [];
  /** Where the innermost object sits: every enclosing container's current key or index. */
  const parentPath = () => stack.slice(0, -1).flatMap((f) => (f.key === null ? [] : [f.key]));
  let i = 0;
  const n = text.length;
  while (i < n && found.length < limit) {
    const c = text[i];
    if (c === '"') {
      // A string: a key when it is followed by a colon inside an object.
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const raw = text.slice(i, j + 1);
      i = j + 1;
      const top = stack[stack.length - 1];
      let k = i;
      while (k < n && /\s/.test(text[k])) k++;
      if (top?.kind === 'object' && text[k] === ':') {
        const key = JSON.parse(raw) as string;
        if (top.keys.has(key)) found.push({ path: pathText([...parentPath(), key]), key });
        top.keys.add(key);
        top.key = key;
        i = k + 1;
      }
      continue;
    }
    if (c === '{' || c === '[') {
      const parent = stack[stack.length - 1];
      if (parent?.kind === 'array') parent.key = parent.index;
      stack.push({ kind: c === '{' ? 'object' : 'array', keys: new Set(), index: 0, key: null });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.kind === 'array') top.index++;
    }
    i++;
  }
  return found;
}
