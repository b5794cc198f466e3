import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../src/core/plan-document.js';
import { renderJson } from '../../src/render/json.js';
import { renderSweepCsvHeader, renderSweepCsvRows, sweepCsvColumns } from '../../src/render/sweep-csv.js';
import { renderSweepJsonHead, renderSweepJsonRow, SWEEP_JSON_SEPARATOR, SWEEP_JSON_TAIL } from '../../src/render/sweep-json.js';
import { renderSweepTable } from '../../src/render/sweep-table.js';
import { createStyle, PLAIN_STYLE } from '../../src/render/style.js';

const strip = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');

// Two hand-built sweep rows (round numbers; the renderers' only input): 1e21 and 1e22 FLOPs at $2/GPU-hour.
function row(budget: string, flops: number, gpuHours: number, params: number, losses?: Array<{ model: string; value: number }>): PlanDocument {
  return {
    schema: 'llm-plan/plan@1',
    input: { budget, gpu: null, precision: null, mfu: null, rule: 'deepmind', loss: null, price: 2 },
    hardware: null,
    compute: { flops, pfDays: flops / 8.64e19, gpuHours, costUsd: gpuHours * 2 },
    plans: [
      {
        rule: 'deepmind', params, tokens: flops / (6 * params), tokensPerParam: flops / (6 * params * params), flops, paramsExponent: 0.5,
        loss: { model: 'hoffmann2022', value: 2.5 }, ...(losses ? { losses } : {}),
      },
    ],
    notes: ['Same note.'],
  };
}
const rows = [row('1e21flops', 1e21, 5000, 2e9), row('1e22flops', 1e22, 50_000, 5e9)];

describe('sweep JSON in chunks', () => {
  it('head + rows joined by the separator + tail is exactly renderJson of the whole document', () => {
    const input = { budget: '1e21flops..1e22flops', steps: 2 };
    const chunked = renderSweepJsonHead('llm-plan/sweep@1', input) + rows.map(renderSweepJsonRow).join(SWEEP_JSON_SEPARATOR) + SWEEP_JSON_TAIL;
    expect(chunked).toBe(renderJson({ schema: 'llm-plan/sweep@1', input, rows }));
    expect(JSON.parse(chunked)).toEqual({ schema: 'llm-plan/sweep@1', input, rows });
  });
});

describe('sweep CSV', () => {
  it('header from the first row, one line per (budget, rule), base units', () => {
    const columns = sweepCsvColumns(rows[0]!);
    expect(columns).toEqual({ gpuHours: true, costUsd: true, lossModels: [] });
    expect(renderSweepCsvHeader(columns)).toBe('budget,flops,pfDays,gpuHours,costUsd,rule,params,tokens,tokensPerParam,lossModel,loss\n');
    // 1e21 / (6 · 2e9) = 8.333…e10 tokens; / 2e9 = 41.66… tokens per parameter; 5000 GPU-hours × $2.
    expect(renderSweepCsvRows(rows[0]!, columns)).toBe(`1e21flops,1e+21,${1e21 / 8.64e19},5000,10000,deepmind,2000000000,${1e21 / 1.2e10},${1e21 / 2.4e19},hoffmann2022,2.5\n`);
  });

  it('--loss all adds a loss:<model> column per model; a quoted budget', () => {
    const scored = row('1,000gpuh', 1e21, 1000, 2e9, [{ model: 'hoffmann2022', value: 2.5 }, { model: 'kaplan2020', value: 2.25 }]);
    const columns = sweepCsvColumns({ ...scored, compute: { flops: 1e21, pfDays: 1 } });
    expect(renderSweepCsvHeader(columns)).toBe('budget,flops,pfDays,rule,params,tokens,tokensPerParam,lossModel,loss,loss:hoffmann2022,loss:kaplan2020\n');
    expect(renderSweepCsvRows({ ...scored, compute: { flops: 1e21, pfDays: 1 } }, columns)).toBe(`"1,000gpuh",1e+21,1,deepmind,2000000000,${1e21 / 1.2e10},${1e21 / 2.4e19},hoffmann2022,2.5,2.5,2.25\n`);
  });
});

describe('sweep table', () => {
  const expected = [
    // Numbers right-aligned, the rule and the loss left; the note said once for both rows.
    '    cost  GPU-hours    FLOPs  rule      parameters  tokens  tokens/param  est. loss',
    ' $10,000      5,000  1.00e21  deepmind       2.00B   83.3B          41.7  2.500',
    '$100,000     50,000  1.00e22  deepmind       5.00B    333B          66.7  2.500',
    '',
    '* Same note.',
    '',
  ].join('\n');

  it('one row per (budget, rule), one loss model so no model name, notes without repeats', () => {
    expect(renderSweepTable(rows, PLAIN_STYLE)).toBe(expected);
  });

  it('with colour: the same text once the escape codes are removed', () => {
    const coloured = renderSweepTable(rows, createStyle(true));
    expect(coloured).toContain('\u001b[36mdeepmind\u001b[39m');
    expect(strip(coloured)).toBe(expected);
  });

  it('no rows: nothing', () => {
    expect(renderSweepTable([], PLAIN_STYLE)).toBe('');
  });
});
