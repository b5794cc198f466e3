import { describe, expect, it } from 'vitest';
import type { PlanDocument, RulePlan } from '../../src/core/plan-document.js';
import { clusterSectionBlocks } from '../../src/render/plan-cluster.js';
import { describeQuery, formatComputeFlops, lossColumns, planExtraBlocks, renderPlanExtras } from '../../src/render/plan-extras-table.js';
import { renderSectionBlock } from '../../src/render/section-block.js';
import { createStyle, PLAIN_STYLE } from '../../src/render/style.js';

const strip = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');
const colour = createStyle(true);

// A 7B model on 2T tokens under deepmind, by hand: C = 6·7e9·2e12 = 8.4e22; N_opt = 70e9·√(8.4e22/5.88e23)
// = 26.46e9, D_opt = C/(6·N_opt) = 529.2e9, 20 tokens/param; N/N_opt = 0.2646, (D/N)/(D/N)_opt = 285.7/20 = 14.29.
const row: RulePlan = {
  rule: 'deepmind', params: 7e9, tokens: 2e12, tokensPerParam: 2e12 / 7e9, flops: 8.4e22, paramsExponent: 0.5,
  loss: { model: 'hoffmann2022', value: 2.0 },
  comparison: {
    optimum: { params: 26.46e9, tokens: 529.2e9, tokensPerParam: 20, loss: 1.95 },
    paramsRatio: 7e9 / 26.46e9, tokensPerParamRatio: 2e12 / 7e9 / 20, lossGap: 0.05, regime: 'over-trained',
  },
};
const plan: PlanDocument = {
  schema: 'llm-plan/plan@1',
  input: { budget: null, gpu: null, precision: null, mfu: null, rule: 'deepmind', loss: null, price: null, params: 7e9, tokens: 2e12 },
  hardware: null,
  compute: { flops: 8.4e22, pfDays: 8.4e22 / 8.64e19 },
  plans: [row],
  notes: [],
};

describe('plan-cluster: against the optimum', () => {
  const expected = [
    'Against the optimum (the same compute, 6·N·D, allocated by the rule)',
    'rule      optimum N  optimum D  N/N_opt  D/N vs opt  loss gap',
    'deepmind      26.5B       529B   0.265×       14.3×    +0.050',
    'over-trained ×14.3: 286 vs 20.0 tokens/param; optimum 0.050 nats lower.',
  ].join('\n');

  it('the table and the verdict', () => {
    const blocks = clusterSectionBlocks(plan, PLAIN_STYLE);
    expect(blocks).toHaveLength(1);
    expect(renderSectionBlock(blocks[0]!, PLAIN_STYLE)).toBe(expected);
  });

  it('colour: bold title and headers, the rule in the accent colour; stripped equals plain', () => {
    const text = renderSectionBlock(clusterSectionBlocks(plan, colour)[0]!, colour);
    expect(text).toContain('\u001b[1mAgainst the optimum\u001b[22m');
    expect(text).toContain('\u001b[36mdeepmind\u001b[39m');
    expect(strip(text)).toBe(expected);
  });

  it('no comparison, no layout: no blocks', () => {
    const { comparison: _, ...bare } = row;
    expect(clusterSectionBlocks({ ...plan, plans: [bare] }, PLAIN_STYLE)).toEqual([]);
  });
});

describe('plan-extras-table', () => {
  it('describeQuery names the question asked', () => {
    expect(describeQuery(plan, PLAIN_STYLE)).toBe('Run 7.00B parameters × 2.00T tokens');
    expect(describeQuery({ ...plan, input: { ...plan.input, params: null, tokens: null, budget: '1e22flops' } }, PLAIN_STYLE)).toBe('Budget 1e22flops');
    expect(describeQuery({ ...plan, input: { ...plan.input, tokens: null } }, PLAIN_STYLE)).toBe('Compute for 7.00B parameters (deepmind)');
    expect(describeQuery({ ...plan, input: { ...plan.input, params: null, tokens: null, booking: { gpus: 64, hours: 336, gpuHours: 21504 } } }, PLAIN_STYLE)).toBe('Booked 64 GPUs × 14 days');
    expect(strip(describeQuery(plan, colour))).toBe(describeQuery(plan, PLAIN_STYLE));
  });

  it('formatComputeFlops: three significant figures for a budget, six for an inverse answer', () => {
    expect(formatComputeFlops({ ...plan, input: { ...plan.input, budget: '8.4e22flops' } })).toBe('8.40e22');
    // A chosen run (--params with --tokens) is not an inverse answer: three figures.
    expect(formatComputeFlops({ ...plan, compute: { ...plan.compute, flops: 1.2345678e24 } })).toBe('1.23e24');
    const inverse = { ...plan, input: { ...plan.input, tokens: null } };
    expect(formatComputeFlops({ ...inverse, compute: { ...plan.compute, flops: 1.2345678e24 } })).toBe('1.23457e24');
    expect(formatComputeFlops({ ...inverse, compute: { ...plan.compute, flops: 1.2e24 } })).toBe('1.20e24');
  });

  it('lossColumns: one column per model with --loss all, the primary starred', () => {
    const scored = { ...row, losses: [{ model: 'hoffmann2022', value: 2.0 }, { model: 'kaplan2020', value: 1.75 }] };
    const columns = lossColumns({ ...plan, plans: [scored] }, PLAIN_STYLE);
    expect(columns.head).toEqual(['hoffmann2022*', 'kaplan2020']);
    expect(columns.cells(scored)).toEqual(['2.000', '1.750']);
    expect(columns.alignRight).toEqual([4, 5]);
    expect(lossColumns(plan, PLAIN_STYLE).cells(row)).toEqual(['2.000 hoffmann2022']);
  });

  it('a range: the span line and the variants indented under it', () => {
    const ranged: RulePlan = {
      ...row,
      range: { basis: 'published', params: [6e9, 8e9], tokens: [1.75e12, 2.25e12], loss: [1.98, 2.02], variants: [{ id: 'v1', source: 'hand', name: 'v1', params: 6e9, tokens: 2.25e12, loss: 1.98 }] },
    };
    const doc = { ...plan, plans: [ranged] };
    const expected = [
      '',
      'Range of deepmind across published variants: parameters 6.00B – 8.00B, tokens 1.75T – 2.25T, loss 1.980 – 2.020',
      '  variant  parameters  tokens  est. loss',
      '  v1            6.00B   2.25T      1.980',
    ];
    expect(planExtraBlocks(doc, PLAIN_STYLE)).toHaveLength(1);
    expect(renderPlanExtras(doc, PLAIN_STYLE).join('\n').split('\n')).toEqual(expected);
    expect(strip(renderPlanExtras(doc, colour).join('\n')).split('\n')).toEqual(expected);
    // Wrapped at 60 columns: no line wider.
    for (const line of renderPlanExtras(doc, PLAIN_STYLE, 60).join('\n').split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
  });
});
