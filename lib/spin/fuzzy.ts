/**
 * Whether two words are at most one edit apart: an insertion, a deletion, a substitution or a
 * swap of neighbouring letters ("probelma"). Bounded on purpose: forgiving a single slip of the
 * thumb needs no full edit-distance table.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  if (short.length !== long.length) return short.slice(i) === long.slice(i + 1);
  const swapped = short[i] === long[i + 1] && short[i + 1] === long[i] && short.slice(i + 2) === long.slice(i + 2);
  return swapped || short.slice(i + 1) === long.slice(i + 1);
}

/** Whether `word` starts with `stem`, or with something one edit away from it. */
export function startsWithinOneEdit(word: string, stem: string): boolean {
  if (word.startsWith(stem)) return true;
  for (const length of [stem.length - 1, stem.length, stem.length + 1]) {
    if (length > 0 && length <= word.length && withinOneEdit(word.slice(0, length), stem)) return true;
  }
  return false;
}
