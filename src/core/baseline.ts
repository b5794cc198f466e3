import type { Rule } from '../domain/presets.js';
import { badInput } from '../domain/errors.js';
import { parsePositiveQuantity } from '../domain/si.js';
import { TRAINING_FLOPS_PER_PARAM_TOKEN as SIX } from '../domain/units.js';

/** The point a power-law rule passes through: N0 parameters on D0 tokens, `C0 = 6·N0·D0`. */
export interface Anchor {
  readonly params: number;
  readonly tokens: number;
  readonly flops: number;
  /** `published`: the rule's own anchor (its preset's source); `baseline`: the user's `--baseline`. */
  readonly source: 'published' | 'baseline';
}

const BASELINE_HINT = 'write PARAMS:TOKENS of a run you trained, e.g. --baseline 1e9:2e10 or --baseline 1B:20B';

/**
 * Parses `--baseline N:D`, a run the user trained (SI suffixes allowed).
 *
 * @example parseBaseline('1B:20B') → { params: 1e9, tokens: 2e10, flops: 1.2e20, source: 'baseline' }
 */
export function parseBaseline(text: string): Anchor {
  const parts = text.split(':');
  if (parts.length !== 2) throw badInput(`cannot read --baseline '${text}'`, BASELINE_HINT);
  const [paramsText = '', tokensText = ''] = parts;
  const params = parsePositiveQuantity(paramsText, '--baseline parameters');
  const tokens = parsePositiveQuantity(tokensText, '--baseline tokens');
  const flops = SIX * params * tokens;
  if (!Number.isFinite(flops)) throw badInput(`--baseline '${text}' is too large`, BASELINE_HINT);
  return { params, tokens, flops, source: 'baseline' };
}

/** The anchor of a power-law rule as a full point (tokens = C0/(6·N0)); none for loss-optimal rules. */
export function anchorOf(rule: Rule): Anchor | undefined {
  if (rule.kind !== 'power-law') return undefined;
  const { params, flops } = rule.anchor;
  return { params, tokens: flops / (SIX * params), flops, source: 'published' };
}

/**
 * The rule re-anchored at the user's run, exponent unchanged: `N(C) = N_b · (C / 6·N_b·D_b)^a`, so a
 * budget equal to the baseline's compute gives back the baseline. Loss-optimal rules have no anchor
 * (they follow the loss model) and are returned as they are.
 */
export function reanchorRule(rule: Rule, baseline: Anchor): Rule {
  if (rule.kind !== 'power-law') return rule;
  return { ...rule, anchor: { params: baseline.params, flops: baseline.flops } };
}
