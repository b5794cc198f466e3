import { describe, expect, it } from 'vitest';
import type { FitDocument } from '../../src/core/fit/document.js';
import { renderFitTable } from '../../src/render/fit-table.js';
import { describeFittedOn } from '../../src/render/presets-table.js';
import { createStyle, PLAIN_STYLE } from '../../src/render/style.js';

const strip = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');

// Hoffmann et al. 2022's printed constants, as a fit document would carry them.
const document = {
  schema: 'llm-plan/fit@1',
  E: 1.69,
  A: 406.4,
  B: 410.7,
  alpha: 0.34,
  beta: 0.28,
  fit: {
    input: 'runs.csv',
    runs: 240,
    droppedTopLoss: 5,
    converged: true,
    objective: 0.00123,
    delta: 0.001,
    starts: 4500,
    optimal: [],
  },
} as unknown as FitDocument;

describe('renderFitTable', () => {
  const plain = renderFitTable(document, PLAIN_STYLE);

  it('names the input, the runs and the dropped rows', () => {
    expect(plain.split('\n')[0]).toBe('Fitted L = E + A/N^α + B/D^β to 240 runs of runs.csv (5 highest-loss dropped)');
  });

  it('prints the implied exponent β/(α+β) computed by hand: 0.28/0.62 = 0.4516, 1 − a = 0.5484', () => {
    expect(plain).toMatch(/implied exponent a = β\/\(α\+β\) = 0\.452 .*D_opt ∝ C\^0\.548\)/);
  });

  it('says it converged and how many starts it took', () => {
    expect(plain).toContain('best of 4500 starts: converged');
  });

  it('reads the same with colour on once the escape codes are stripped', () => {
    const coloured = renderFitTable(document, createStyle(true));
    expect(coloured).not.toBe(plain);
    expect(strip(coloured)).toBe(plain);
  });
});

describe('describeFittedOn', () => {
  it('writes the runs behind a law as spans (Chinchilla: 70M–16B parameters, 5B–500B tokens)', () => {
    expect(describeFittedOn({ params: [7e7, 1.6e10], tokens: [5e9, 5e11] } as Parameters<typeof describeFittedOn>[0])).toBe('70.0M–16.0B N, 5.00B–500B D');
  });

  it('prints a dash when a preset names no fitted range', () => {
    expect(describeFittedOn(undefined)).toBe('—');
  });
});
