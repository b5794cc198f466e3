/**
 * One letter per rule, so markers read without colour: the first letter of the rule id not
 * already taken (openai → O, deepmind → D, optimal → P), else a digit.
 *
 * @example assignRuleSymbols(['openai', 'deepmind', 'optimal']) → Map { openai → 'O', deepmind → 'D', optimal → 'P' }
 */
export function assignRuleSymbols(rules: readonly string[]): Map<string, string> {
  const symbols = new Map<string, string>();
  const taken = new Set<string>();
  for (const rule of rules) {
    const letters = [...rule.toUpperCase()].filter((letter) => /[A-Z]/.test(letter));
    const symbol = [...letters, ...'123456789'].find((candidate) => !taken.has(candidate)) ?? '?';
    symbols.set(rule, symbol);
    taken.add(symbol);
  }
  return symbols;
}
