import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../src/core/plan-document.js';
import { renderPlanSections } from '../../src/render/plan-sections.js';
import { renderPlanTable } from '../../src/render/plan-table.js';
import { createStyle } from '../../src/render/style.js';

// Colour on, escape codes made visible (␛ = ESC) so a reviewer sees where each style starts and
// stops: bold (1…22) on headers, cyan (36…39) on rule names, dim (2…22) on the loss model and notes.
const visible = (text: string): string => text.replace(/\u001b/g, '␛');
const colour = createStyle(true);

// A hand-built document with round numbers (the renderer's only input).
const plan: PlanDocument = {
  schema: 'llm-plan/plan@1',
  input: { budget: '1e22flops', gpu: null, precision: null, mfu: null, rule: 'deepmind', loss: null, price: 2 },
  hardware: null,
  compute: { flops: 1e22, pfDays: 1e22 / 8.64e19, gpuHours: 50_000, costUsd: 100_000 },
  plans: [
    {
      rule: 'deepmind',
      params: 9.1e9,
      tokens: 183e9,
      tokensPerParam: 20,
      flops: 1e22,
      paramsExponent: 0.5,
      loss: { model: 'hoffmann2022', value: 2.125 },
      time: { gpuHours: 50_000, gpus: 250, wallClockHours: 200, wallClockDays: 200 / 24 },
    },
  ],
  notes: ['A note.'],
};

describe('coloured output (snapshots with the escape codes)', () => {
  it('plan table: every header cell styled alone, rule in the accent colour', () => {
    expect(visible(renderPlanTable(plan, colour))).toMatchInlineSnapshot(`
      "␛[1mBudget␛[22m 1e22flops = $100,000 = 50,000 GPU-hours = 1.00e22 FLOPs = 116 PF-days

      ␛[1mrule␛[22m      ␛[1mparameters␛[22m  ␛[1mtokens␛[22m  ␛[1mtokens/param␛[22m  ␛[1mest. loss␛[22m
      ␛[36mdeepmind␛[39m       9.10B    183B          20.0  2.125 ␛[2mhoffmann2022␛[22m

      ␛[1mTime␛[22m
      ␛[1mrule␛[22m      ␛[1mGPU-hours␛[22m  ␛[1mGPUs␛[22m  ␛[1mwall clock␛[22m
      ␛[36mdeepmind␛[39m     50,000   250   8.33 days

      ␛[2m* A note.␛[22m
      "
    `);
  });

  it('the Time section', () => {
    expect(visible(renderPlanSections(plan, colour))).toMatchInlineSnapshot(`
      "␛[1mTime␛[22m
      ␛[1mrule␛[22m      ␛[1mGPU-hours␛[22m  ␛[1mGPUs␛[22m  ␛[1mwall clock␛[22m
      ␛[36mdeepmind␛[39m     50,000   250   8.33 days"
    `);
  });
});
