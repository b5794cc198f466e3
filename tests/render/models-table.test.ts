import { describe, expect, it } from 'vitest';
import type { ModelsDocument, RealRun } from '../../src/core/real-runs.js';
import { renderModelsTable } from '../../src/render/models-table.js';
import { createStyle, PLAIN_STYLE } from '../../src/render/style.js';

const strip = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');

// Chinchilla by hand: 70B × 1.4T, the paper's 5.76e23 FLOPs; under deepmind N_opt = 70e9·(5.76e23/5.88e23)^0.5
// = 69.28e9, N/N_opt = 1.010 (see src/core/real-runs.ts). The second run is invented with 6·N·D compute
// and a ratio above 2 (bold with colour).
const run = (id: string, params: number, tokens: number, flops: number, basis: RealRun['flopsBasis'], ratios: readonly number[]): RealRun => ({
  id, name: id, year: 2022, params, tokens, flops, flopsBasis: basis, tokensPerParam: tokens / params, loss: { model: 'hoffmann2022', value: 2 }, source: 'hand',
  rules: ['deepmind', 'openai'].map((rule, index) => ({ rule, optimalParams: params / (ratios[index] ?? 1), optimalTokens: 1, paramsRatio: ratios[index] ?? 1 })),
});
const document: ModelsDocument = {
  schema: 'llm-plan/models@1',
  input: { rule: 'all', loss: null },
  models: [run('chinchilla', 70e9, 1.4e12, 5.76e23, 'paper', [70e9 / 69.28e9, 0.25]), run('toy', 1e9, 1e9, 6e18, '6ND', [3, 1])],
  notes: ['* compute from the paper.'],
};

describe('renderModelsTable', () => {
  const expected = [
    'model           N      D        C   D/N  N/opt deepmind  N/opt openai',
    'chinchilla  70.0B  1.40T  5.8e23*  20.0             1.0          0.25',
    'toy         1.00B  1.00B  6.0e18   1.00             3.0           1.0',
    '',
    '* * compute from the paper.',
    '',
  ].join('\n');

  it('a row per run, * for the paper compute, N/N_opt per rule', () => {
    expect(renderModelsTable(document, PLAIN_STYLE)).toBe(expected);
  });

  it('colour: ratios beyond ×2 either way bold; stripped equals plain', () => {
    const coloured = renderModelsTable(document, createStyle(true));
    expect(coloured).toContain('\u001b[1m0.25\u001b[22m');
    expect(coloured).toContain('\u001b[1m3.0\u001b[22m');
    expect(coloured).not.toContain('\u001b[1m1.0\u001b[22m');
    expect(strip(coloured)).toBe(expected);
  });
});
