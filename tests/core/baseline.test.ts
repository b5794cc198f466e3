import { describe, expect, it } from 'vitest';
import { anchorOf, parseBaseline, reanchorRule } from '../../src/core/baseline.js';
import { allocate } from '../../src/core/rules.js';
import type { LossModel, Rule } from '../../src/domain/presets.js';
import { BUILTIN_LOSS_MODELS, BUILTIN_RULES } from '../../src/presets/builtin.js';
import { relativeError } from '../helpers/cli.js';

const rule = (id: string): Rule => BUILTIN_RULES.find((candidate) => candidate.id === id) as Rule;
const kaplan2020 = BUILTIN_LOSS_MODELS.find((model) => model.id === 'kaplan2020') as LossModel;

describe('parseBaseline', () => {
  // flops = 6·N·D by hand.
  it.each([
    ['1e9:2e10', 1e9, 2e10, 1.2e20],
    ['1B:20B', 1e9, 2e10, 1.2e20],
    ['7b:2t', 7e9, 2e12, 8.4e22],
    [' 125M : 2.5B ', 1.25e8, 2.5e9, 1.875e18],
  ])('%s → N %d, D %d, C %d', (text, params, tokens, flops) => {
    const anchor = parseBaseline(text);
    expect(anchor.params).toBe(params);
    expect(anchor.tokens).toBe(tokens);
    expect(relativeError(anchor.flops, flops)).toBeLessThan(1e-12);
    expect(anchor.source).toBe('baseline');
  });

  it.each([
    ['1e9', /cannot read --baseline/],
    ['1e9:2e10:3', /cannot read --baseline/],
    [':2e10', /--baseline parameters '' is not a number/],
    ['1e9:abc', /--baseline tokens 'abc' is not a number/],
    ['0:2e10', /must be positive/],
    ['1e200:1e200', /too large/],
  ])('refuses %j', (text, message) => {
    expect(() => parseBaseline(text)).toThrow(message);
  });
});

describe('reanchorRule', () => {
  it('gives back the baseline run at the baseline compute, and keeps the exponent', () => {
    const baseline = parseBaseline('1B:20B');
    const anchored = reanchorRule(rule('openai'), baseline);
    const { params, tokens } = allocate(anchored, 1.2e20, kaplan2020);
    expect(relativeError(params, 1e9)).toBeLessThan(1e-12);
    expect(relativeError(tokens, 2e10)).toBeLessThan(1e-12);
    // One decade up, the openai exponent log10(5.5) gives ×5.5 parameters: 5.5e9.
    expect(relativeError(allocate(anchored, 1.2e21, kaplan2020).params, 5.5e9)).toBeLessThan(1e-12);
  });

  it('leaves the loss-optimal rule as it is', () => {
    expect(reanchorRule(rule('optimal'), parseBaseline('1B:20B'))).toBe(rule('optimal'));
  });
});

describe('anchorOf', () => {
  it.each([
    // Chinchilla: 70e9 params, 5.88e23 FLOPs → 5.88e23 / (6·70e9) = 1.4e12 tokens.
    ['deepmind', 70e9, 1.4e12, 5.88e23],
    // Kaplan Table 6: 1.3e9 at 1 PF-day = 8.64e19 → 8.64e19 / 7.8e9 = 1.10769e10 tokens.
    ['openai', 1.3e9, 8.64e19 / 7.8e9, 8.64e19],
  ])('%s', (id, params, tokens, flops) => {
    const anchor = anchorOf(rule(id));
    expect(anchor?.source).toBe('published');
    expect(anchor?.params).toBe(params);
    expect(relativeError(anchor?.tokens ?? 0, tokens)).toBeLessThan(1e-12);
    expect(anchor?.flops).toBe(flops);
  });

  it('is absent for the loss-optimal rule', () => {
    expect(anchorOf(rule('optimal'))).toBeUndefined();
  });
});
