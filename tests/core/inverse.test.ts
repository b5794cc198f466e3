import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flopsForQuery, flopsForTargetLoss, parseTargetLoss } from '../../src/core/inverse.js';
import { predictLoss } from '../../src/core/loss.js';
import { chinchillaOptimalLaw, flopsForParams, flopsForTokens, paramsAt, paramsLawOf } from '../../src/core/params-law.js';
import { PlanError } from '../../src/domain/errors.js';
import { allocate } from '../../src/core/rules.js';
import type { LossModel, Rule } from '../../src/domain/presets.js';
import { BUILTIN_LOSS_MODELS, BUILTIN_RULES } from '../../src/presets/builtin.js';
import { relativeError } from '../helpers/cli.js';

const rule = (id: string): Rule => BUILTIN_RULES.find((candidate) => candidate.id === id) as Rule;
const loss = (id: string): LossModel => BUILTIN_LOSS_MODELS.find((candidate) => candidate.id === id) as LossModel;
const deepmind = { rule: rule('deepmind'), loss: loss('hoffmann2022') };
const openai = { rule: rule('openai'), loss: loss('kaplan2020') };
const optimalBesiroglu = { rule: rule('optimal'), loss: loss('besiroglu2024') };
const optimalHoffmann = { rule: rule('optimal'), loss: loss('hoffmann2022') };
const optimalKaplan = { rule: rule('optimal'), loss: loss('kaplan2020') };
const ALL_PAIRS = [deepmind, openai, optimalBesiroglu, optimalHoffmann, optimalKaplan];

describe('closed-form inverse queries', () => {
  // By hand: deepmind passes through Chinchilla, 70e9 params on 1.4e12 tokens, 6·70e9·1.4e12 = 5.88e23;
  // N = 7e9 is 1/10 of it, so C = 5.88e23 · (1/10)^(1/0.5) = 5.88e21.
  // openai: C = 8.64e19 · (N/1.3e9)^(1/log10 5.5); N = 1.3e9·5.5 = 7.15e9 is one decade up: 8.64e20.
  it.each([
    ['deepmind, 70e9 params', deepmind, { kind: 'params', params: 70e9 }, 5.88e23],
    ['deepmind, 1.4e12 tokens', deepmind, { kind: 'tokens', tokens: 1.4e12 }, 5.88e23],
    ['deepmind, 7e9 params', deepmind, { kind: 'params', params: 7e9 }, 5.88e21],
    // D = C/(6N) = 5.88e21 / (6·7e9) = 1.4e11 tokens at the same point.
    ['deepmind, 1.4e11 tokens', deepmind, { kind: 'tokens', tokens: 1.4e11 }, 5.88e21],
    ['openai, 7.15e9 params', openai, { kind: 'params', params: 1.3e9 * 5.5 }, 8.64e20],
    // At one decade up D = 8.64e20 / (6 · 7.15e9) = 2.01399e10.
    ['openai, 2.01399e10 tokens', openai, { kind: 'tokens', tokens: 8.64e20 / (6 * 7.15e9) }, 8.64e20],
  ] as const)('%s', (_, scored, query, expectedFlops) => {
    expect(relativeError(flopsForQuery(query, scored), expectedFlops)).toBeLessThan(1e-12);
  });

  it('puts the besiroglu2024 loss-optimal model at 7.225e10 parameters for 5.76e23 FLOPs (issue 4)', () => {
    // By hand: G = (0.3478·482.01 / (0.3658·2085.43))^(1/0.7136) = 0.11961, a = 0.3658/0.7136 = 0.512612,
    // N = G · (9.6e22)^a = 0.11961 · 6.0394e11 = 7.224e10 (the issue: 7.225e10 within 0.5%).
    const law = paramsLawOf(optimalBesiroglu.rule, optimalBesiroglu.loss);
    expect(relativeError(paramsAt(law, 5.76e23), 7.225e10)).toBeLessThan(5e-3);
    expect(relativeError(allocate(optimalBesiroglu.rule, 5.76e23, optimalBesiroglu.loss).params, 7.225e10)).toBeLessThan(5e-3);
  });

  it('puts the hoffmann2022 (printed constants) optimum near 32B at the Gopher budget, as the reference says', () => {
    // By hand: G = (0.34·406.4/(0.28·410.7))^(1/0.62) = 1.3447, a = 0.28/0.62; N = 1.3447·(9.6e22)^a = 3.219e10.
    expect(relativeError(paramsAt(chinchillaOptimalLaw(loss('hoffmann2022') as never), 5.76e23), 3.219e10)).toBeLessThan(2e-3);
  });

  it.each(ALL_PAIRS.map((pair) => [`${pair.rule.id} under ${pair.loss.id}`, pair] as const))(
    'agrees with allocate() for %s',
    (_, scored) => {
      fc.assert(
        fc.property(fc.double({ min: 15, max: 30, noNaN: true }), (log10Flops) => {
          const flops = 10 ** log10Flops;
          const { params } = allocate(scored.rule, flops, scored.loss);
          expect(relativeError(paramsAt(paramsLawOf(scored.rule, scored.loss), flops), params)).toBeLessThan(1e-12);
        }),
        { seed: 42, numRuns: 50 },
      );
    },
  );
});

describe('round trips (fast-check): budget → plan → params, tokens or loss → same budget', () => {
  it.each(ALL_PAIRS.map((pair) => [`${pair.rule.id} under ${pair.loss.id}`, pair] as const))('%s', (_, scored) => {
    fc.assert(
      fc.property(fc.double({ min: 15, max: 28, noNaN: true }), (log10Flops) => {
        const flops = 10 ** log10Flops;
        const { params, tokens } = allocate(scored.rule, flops, scored.loss);
        const value = predictLoss(scored.loss, params, tokens);
        expect(relativeError(flopsForQuery({ kind: 'params', params }, scored), flops)).toBeLessThan(1e-10);
        expect(relativeError(flopsForQuery({ kind: 'tokens', tokens }, scored), flops)).toBeLessThan(1e-10);
        // Loss is flat in C far out, so the check is on the loss the answer reaches, to 1e-9.
        const back = flopsForQuery({ kind: 'target-loss', loss: value }, scored);
        const again = allocate(scored.rule, back, scored.loss);
        expect(Math.abs(predictLoss(scored.loss, again.params, again.tokens) - value)).toBeLessThan(1e-9);
      }),
      { seed: 42, numRuns: 100 },
    );
  });
});

describe('target loss', () => {
  it('bisection and the closed form agree on the loss-optimal frontier', () => {
    // A power-law rule laid exactly on besiroglu2024's frontier is solved by bisection; `optimal` by
    // the closed form C = 6·((L − E)/K)^(−(α+β)/(αβ)). Two methods, one answer.
    const law = chinchillaOptimalLaw(loss('besiroglu2024') as never);
    const onFrontier: Rule = {
      id: 'frontier',
      name: 'frontier',
      kind: 'power-law',
      exponent: law.exponent,
      anchor: { params: paramsAt(law, 1e22), flops: 1e22 },
      defaultLoss: 'besiroglu2024',
      source: 'test',
    };
    for (const target of [1.9, 2.0, 2.5, 3.5]) {
      const closed = flopsForTargetLoss(target, optimalBesiroglu);
      const bisected = flopsForTargetLoss(target, { rule: onFrontier, loss: loss('besiroglu2024') });
      expect(relativeError(bisected, closed)).toBeLessThan(1e-9);
    }
  });

  it('reaches loss 2.0 under deepmind/hoffmann2022 at the compute a direct check confirms', () => {
    const flops = flopsForTargetLoss(2.0, deepmind);
    // 0.1% less compute must fall short of the target, and the answer itself must meet it.
    const at = (c: number): number => {
      const { params, tokens } = allocate(deepmind.rule, c, deepmind.loss);
      return predictLoss(deepmind.loss, params, tokens);
    };
    expect(Math.abs(at(flops) - 2.0)).toBeLessThan(1e-12);
    expect(at(flops * 0.999)).toBeGreaterThan(2.0);
  });

  it.each([
    ['at the irreducible loss', 1.69, /irreducible loss 1\.69/],
    ['below it', 1.5, /irreducible loss 1\.69/],
    ['so close to it that it needs more than 1e60 FLOPs', 1.6900001, /more than 1e60 FLOPs/],
    ['so high that under 1 FLOP reaches it', 5000, /under 1 FLOP/],
  ])('refuses a target %s', (_, target, message) => {
    expect(() => flopsForTargetLoss(target, deepmind)).toThrow(message);
    expect(() => flopsForTargetLoss(target, deepmind)).toThrow(PlanError);
  });

  it.each([
    ['2.0', 2],
    ['1.95', 1.95],
    ['.5', 0.5],
    ['2e0', 2],
  ])('parses --target-loss %s', (text, value) => {
    expect(parseTargetLoss(text)).toBe(value);
  });

  it.each(['0', '-1', 'two', '2 nats', 'Infinity', ''])('refuses --target-loss %j', (text) => {
    expect(() => parseTargetLoss(text)).toThrow(/--target-loss must be a positive loss/);
  });
});

describe('inverse of the params law (independent algebra)', () => {
  it('flopsForParams and flopsForTokens invert paramsAt and C/(6·N)', () => {
    const law = { logCoefficient: Math.log(2), exponent: 0.25 };
    // N = 2·C^0.25: at C = 1e16, N = 2·1e4 = 2e4 and D = 1e16 / (6·2e4) = 8.3333e10.
    expect(relativeError(flopsForParams(law, 2e4), 1e16)).toBeLessThan(1e-12);
    expect(relativeError(flopsForTokens(law, 1e16 / 1.2e5), 1e16)).toBeLessThan(1e-12);
  });
});
