import { describe, expect, it } from 'vitest';
import { describeExtrapolation, extrapolationOf } from '../../src/core/extrapolation.js';
import { planNotes } from '../../src/core/plan-notes.js';
import type { PlanInput } from '../../src/core/plan-document.js';
import { BUILTIN_CATALOG, findLossModel, findRule } from '../../src/presets/catalog.js';
import { resolvePlanSetup } from '../../src/request/plan.js';

// deepmind and hoffmann2022 were both fitted on N 70M–16B and D 5B–500B (presets/rules.json,
// presets/loss-models.json); the decades below are log10 of the ratios, worked by hand.
const deepmind = findRule(BUILTIN_CATALOG, 'deepmind');
const hoffmann = findLossModel(BUILTIN_CATALOG, 'hoffmann2022');
const at = (params: number, tokens: number) => extrapolationOf(deepmind, hoffmann, { params, tokens, flops: 6 * params * tokens });

describe('describeExtrapolation', () => {
  const inside = 'deepmind: N, D lie inside the runs of deepmind and hoffmann2022.';
  // N 289B: log10(289e9 / 16e9) = 1.257; D 5.78T: log10(5.78e12 / 500e9) = 1.063.
  const above =
    'deepmind extrapolates: N 289B is 1.3 decades above the runs of deepmind and hoffmann2022 (70.0M–16.0B parameters); ' +
    'D 5.78T is 1.1 decades above the runs of deepmind and hoffmann2022 (5.00B–500B tokens).';
  // D 1.00B: log10(5e9 / 1e9) = 0.699; N 100M lies inside.
  const below = 'deepmind extrapolates: D 1.00B is 0.7 decades below the runs of deepmind and hoffmann2022 (5.00B–500B tokens).';
  // D 5.00T: exactly one decade (log10 10 = 1), in the singular.
  const oneDecade = 'deepmind extrapolates: D 5.00T is 1.0 decade above the runs of deepmind and hoffmann2022 (5.00B–500B tokens).';

  it('says each plan right whatever the plan before it said (the last sentence is reused only when its parts are the same)', () => {
    const sequence: Array<[number, number, string]> = [
      [289e9, 5.78e12, above],
      [289e9, 5.78e12, above],
      [1e9, 20e9, inside],
      [289e9, 5.78e12, above],
      [1e8, 1e9, below],
      [1e9, 5e12, oneDecade],
      [1e8, 1e9, below],
      [2e9, 40e9, inside],
      [1e9, 20e9, inside],
    ];
    for (const [params, tokens, expected] of sequence) expect(describeExtrapolation('deepmind', at(params, tokens))).toBe(expected);
  });

  it('names laws that give no runs, after the sentence', () => {
    const extrapolation = { ...at(1e9, 20e9), unknown: ['my-law'] };
    expect(describeExtrapolation('deepmind', extrapolation)).toBe(`${inside} my-law does not say which runs it was fitted on.`);
  });
});

describe('extrapolationOf', () => {
  it('gives every plan the same frozen copy of a fitted span: no plan can change a preset', () => {
    const first = at(1e9, 20e9);
    const second = at(3e10, 6e11);
    const [params] = first.checks;
    expect(params?.range).toEqual([70e6, 16e9]);
    expect(Object.isFrozen(params?.range)).toBe(true);
    expect(second.checks[0]?.range).toBe(params?.range);
    expect(() => {
      (params?.range as unknown as number[])[0] = 1;
    }).toThrow(TypeError);
    expect(deepmind.fittedOn?.params).toEqual([70e6, 16e9]);
    // 3e10 is log10(30e9 / 16e9) = 0.273 decades above N's span, D 6e11 log10(1.2) = 0.079 above D's.
    expect(second.inside).toBe(false);
    expect(second.decades).toBeCloseTo(Math.log10(30 / 16), 12);
    expect(second.lossFarOutside).toBe(false);
  });
});

describe('planNotes', () => {
  it('reuses the notes of the same setup, and never those of another (hardware, or an MFU that was given)', () => {
    const { hardware, scored } = resolvePlanSetup({ gpu: 'h100' });
    const input = (mfu: number | null): PlanInput => ({ budget: '1e3gpuh', gpu: 'h100', precision: null, mfu, rule: 'deepmind', loss: null, price: null });
    const compute = { flops: 1e21, pfDays: 1e21 / 8.64e19 };
    const lossNote = "Loss is hoffmann2022's prediction in nats/token on MassiveText (Chinchilla's training data); it does not transfer to other data or tokenizers.";
    // H100's default MFU is the 0.40 the help names.
    const mfuNote = 'MFU 0.40 assumed (well-tuned training reaches 0.40–0.50); set it with --mfu.';
    expect(planNotes(input(null), hardware, compute, scored)).toEqual([lossNote, mfuNote]);
    expect(planNotes(input(0.5), hardware, compute, scored)).toEqual([lossNote]);
    expect(planNotes(input(null), undefined, compute, scored)).toEqual([lossNote]);
    const notes = planNotes(input(null), hardware, compute, scored);
    expect(notes).toEqual([lossNote, mfuNote]);
    // Each call gets its own list: changing one changes no other plan's notes.
    notes.push('changed');
    expect(planNotes(input(null), hardware, compute, scored)).toEqual([lossNote, mfuNote]);
  });
});
