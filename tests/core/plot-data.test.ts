import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planRule } from '../../src/core/plan.js';
import { pairRulesWithLoss } from '../../src/core/pair-rules.js';
import { createFrontierPlot, createIsoflopPlot, type BudgetPlans } from '../../src/core/plot-data.js';
import { BUILTIN_LOSS_MODELS, BUILTIN_RULES } from '../../src/presets/builtin.js';
import type { LossModel } from '../../src/domain/presets.js';
import { relativeError } from '../helpers/cli.js';

const lossModel = (id: string): LossModel => {
  const found = BUILTIN_LOSS_MODELS.find((model) => model.id === id);
  if (!found) throw new Error(id);
  return found;
};
const hoffmann = lossModel('hoffmann2022');

/** Every built-in rule's plan at `flops`, all scored by `loss`. */
// The seed's three rules: these tests check the plot's geometry, not the rule book.
const SEED_RULES = BUILTIN_RULES.filter((rule) => ['openai', 'deepmind', 'optimal'].includes(rule.id));

function budgetAt(flops: number, loss: LossModel): BudgetPlans {
  const scored = pairRulesWithLoss(SEED_RULES, BUILTIN_LOSS_MODELS, loss);
  return { budget: `${flops}flops`, flops, plans: scored.map((row) => planRule(row, flops)) };
}

/** The minimum of a unimodal function of log N by golden-section search: a second route to the optimum. */
function minimiseNumerically(loss: (params: number) => number, low: number, high: number): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = Math.log(low);
  let b = Math.log(high);
  for (let step = 0; step < 200; step++) {
    const c = b - ratio * (b - a);
    const d = a + ratio * (b - a);
    if (loss(Math.exp(c)) < loss(Math.exp(d))) b = d;
    else a = c;
  }
  return Math.exp((a + b) / 2);
}

describe('createIsoflopPlot', () => {
  // Chinchilla's own budget, C = 6 × 70e9 × 1.4e12 = 5.88e23, under hoffmann2022 (E 1.69, A 406.4, B 410.7, α 0.34, β 0.28):
  //   G = (0.34·406.4 / (0.28·410.7))^(1/0.62) = (138.176/114.996)^1.6129 = 1.34471
  //   N_opt = G · (C/6)^(0.28/0.62) = 1.34471 · (9.8e22)^0.451613 = 3.2491e10
  //   deepmind's plan is the anchor itself: N 70e9, D 1.4e12, L = 1.69 + 406.4/70e9^0.34 + 410.7/1.4e12^0.28 = 1.93665
  const chinchilla = 5.88e23;
  const plot = createIsoflopPlot([budgetAt(chinchilla, hoffmann)], hoffmann);
  const [curve] = plot.curves;

  it('puts the optimum where the closed form and a numerical search put it', () => {
    expect(plot.lossModel).toBe('hoffmann2022');
    expect(relativeError(curve?.optimum.params ?? 0, 3.2491e10)).toBeLessThan(1e-4);
    const numeric = minimiseNumerically((params) => 1.69 + 406.4 / params ** 0.34 + 410.7 / (chinchilla / (6 * params)) ** 0.28, 1e8, 1e13);
    expect(relativeError(curve?.optimum.params ?? 0, numeric)).toBeLessThan(1e-6);
  });

  it('marks deepmind at the Chinchilla anchor with its published loss', () => {
    const deepmind = plot.markers.find((marker) => marker.rule === 'deepmind');
    expect(relativeError(deepmind?.params ?? 0, 70e9)).toBeLessThan(1e-12);
    expect(relativeError(deepmind?.tokens ?? 0, 1.4e12)).toBeLessThan(1e-12);
    expect(relativeError(deepmind?.loss ?? 0, 1.93665)).toBeLessThan(1e-5);
    expect(plot.markers.map((marker) => marker.rule)).toEqual(['openai', 'deepmind', 'optimal']);
  });

  it('reaches 1.5 decades beyond the optimum and the plans on both sides', () => {
    const sizes = [curve?.optimum.params ?? 0, ...plot.markers.map((marker) => marker.params)];
    const first = curve?.points[0];
    const last = curve?.points[(curve?.points.length ?? 0) - 1];
    expect(relativeError(first?.params ?? 0, Math.min(...sizes) / 10 ** 1.5)).toBeLessThan(1e-12);
    expect(relativeError(last?.params ?? 0, Math.max(...sizes) * 10 ** 1.5)).toBeLessThan(1e-12);
    expect(curve?.points).toHaveLength(121);
  });

  it('draws one curve per budget, in order', () => {
    const three = createIsoflopPlot([1e21, 1e22, 1e23].map((flops) => budgetAt(flops, hoffmann)), hoffmann);
    expect(three.curves.map((each) => each.flops)).toEqual([1e21, 1e22, 1e23]);
    expect(three.markers).toHaveLength(9);
  });

  it('keeps every point on 6·N·D = C, with the optimum below every sampled point (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 18, max: 26, noNaN: true }), fc.constantFrom(...BUILTIN_LOSS_MODELS), (exponent, loss) => {
        const flops = 10 ** exponent;
        const [only] = createIsoflopPlot([budgetAt(flops, loss)], loss, 41).curves;
        if (!only) return false;
        return (
          only.points.every((point) => relativeError(6 * point.params * point.tokens, flops) < 1e-12) &&
          only.points.every((point) => only.optimum.loss <= point.loss + 1e-12)
        );
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('createFrontierPlot', () => {
  it('gives one series per rule through every budget, each on its published line', () => {
    const budgets = [8.64e19, 5.88e23].map((flops) => budgetAt(flops, lossModel('besiroglu2024')));
    const plot = createFrontierPlot(budgets);
    expect(plot.series.map((series) => series.rule)).toEqual(['openai', 'deepmind', 'optimal']);
    const [openai, deepmind] = plot.series;
    // Anchors: Kaplan et al. Table 6, N = 1.3e9 at 1 PF-day (8.64e19 FLOPs); Chinchilla, 70e9 on 1.4e12 tokens.
    expect(relativeError(openai?.points[0]?.params ?? 0, 1.3e9)).toBeLessThan(1e-12);
    expect(relativeError(deepmind?.points[1]?.params ?? 0, 70e9)).toBeLessThan(1e-12);
    expect(relativeError(deepmind?.points[1]?.tokens ?? 0, 1.4e12)).toBeLessThan(1e-12);
    expect(plot.series.every((series) => series.points.length === 2)).toBe(true);
  });
});
