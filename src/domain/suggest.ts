/** Levenshtein distance, for "did you mean" suggestions on mistyped ids. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}

/**
 * The closest candidate to `input`, if it is close enough to be a plausible typo
 * (distance at most a third of the longer word, and at least 1 allowed).
 *
 * @example suggest('h10', ['h100', 'a100']) → 'h100'
 */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    // A candidate the input is a prefix of wins ties: 'h10' is more likely 'h100' than 'a10'.
    const prefixBonus = candidate.toLowerCase().startsWith(needle) ? 0.5 : 0;
    const distance = editDistance(needle, candidate.toLowerCase()) - prefixBonus;
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  const allowed = Math.max(1, Math.floor(Math.max(needle.length, best.length) / 3));
  return Math.ceil(bestDistance) <= allowed ? best : undefined;
}
