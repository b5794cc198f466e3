import { describe, expect, it } from 'vitest';
import { relativeError, ROOT, spawnCli } from '../helpers/cli.js';

describe('constraint flags through the built bin', () => {
  it('llm-plan --budget 50000gpuh --gpu a100 --gpus 256 --json', () => {
    const result = spawnCli(['--budget', '50000gpuh', '--gpu', 'a100', '--gpus', '256', '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const [row] = JSON.parse(result.stdout).plans;
    expect(relativeError(row.time.wallClockDays, 50_000 / 256 / 24)).toBeLessThan(1e-12);
    // The layout search finds a fitting layout for 13.7B on 256 A100s (issue 12).
    expect(row.memory.fits).toBe(true);
    expect(row.layout.chosen.tp * row.layout.chosen.pp * row.layout.chosen.dp).toBe(256);
  });

  it('llm-plan --budget 1e23flops --unique-tokens 30B prints the limited-data section and the warning', () => {
    const result = spawnCli(['--budget', '1e23flops', '--unique-tokens', '30B']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Limited data · 30.0B unique tokens');
    expect(result.stdout).toContain('More compute no longer helps');
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('llm-plan --budget 1e23flops --gpus 8 exits 2: time and memory need a GPU', () => {
    const result = spawnCli(['--budget', '1e23flops', '--gpus', '8']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^llm-plan: error: .*need --gpu\nhint: .*\n$/);
  });
});

// The issue's two --params commands (issue 4's --params has landed on main).
describe('constraint flags with --params (built bin)', () => {
  it('llm-plan --params 7e9 --shape: Llama-2 7B-like, within 5% of 7e9', () => {
    const result = spawnCli(['--params', '7e9', '--shape', '--json']);
    expect(result.code).toBe(0);
    const [row] = JSON.parse(result.stdout).plans;
    expect(relativeError(row.params, 7e9)).toBeLessThan(1e-9);
    expect(row.shape.dModel).toBe(4096); // Llama-2 7B: 32 layers × 4096, 32 heads
    expect(row.shape.nHeads).toBe(32);
    expect(Math.abs(row.shape.nLayers - 32)).toBeLessThanOrEqual(2);
    expect(Math.abs(row.shape.params / 7e9 - 1)).toBeLessThanOrEqual(0.05);
  });

  it('llm-plan --params 7e9 --shape prints the shape table', () => {
    const result = spawnCli(['--params', '7e9', '--shape']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Shape\nrule\s+layers\s+d_model\s+heads/);
    expect(result.stdout).toMatch(/deepmind\s+\d+\s+4096\s+32 × 128\s+11008\s/);
    expect(result.stdout).toMatch(/vocabulary 32,000\./);
  });

  it('llm-plan --params 13e9 --inference-tokens 2T: a smaller model on more data, same loss, less lifetime compute', () => {
    const result = spawnCli(['--params', '13e9', '--inference-tokens', '2T', '--json']);
    expect(result.code).toBe(0);
    const [row] = JSON.parse(result.stdout).plans;
    const { inference } = row;
    expect(relativeError(inference.baseline.params, 13e9)).toBeLessThan(1e-9);
    expect(inference.params).toBeLessThan(13e9);
    expect(inference.trainingTokens).toBeGreaterThan(row.tokens);
    expect(relativeError(inference.loss, row.loss.value)).toBeLessThan(1e-12);
    // deepmind's 20 tokens/param is off hoffmann2022's frontier: the note says how much of the saving that is.
    expect(inference.trainingOnlySavingFraction).toBeGreaterThan(0.01);
    expect(JSON.parse(result.stdout).notes.join('\n')).toMatch(/not loss-optimal under hoffmann2022/);
  });

  it('llm-plan --params 13e9 --rule optimal --inference-tokens 2T: from the loss-optimal model, the saving is inference alone', () => {
    const result = spawnCli(['--params', '13e9', '--rule', 'optimal', '--loss', 'hoffmann2022', '--inference-tokens', '2T', '--json']);
    expect(result.code).toBe(0);
    const { inference } = JSON.parse(result.stdout).plans[0];
    expect(inference.trainingOnlySavingFraction).toBeLessThan(1e-9);
    expect(inference.params).toBeLessThan(13e9);
    expect(inference.lifetimeSavingFraction).toBeGreaterThan(0);
  });
});

// Issue 3's --loss FILE has landed: the paper's own example through the CLI with the authors' constants.
describe('Sardana et al. 2023 example with the preset file (built bin)', () => {
  it('llm-plan --params 13e9 --rule optimal --loss tests/fixtures/sardana2023-loss.json --inference-tokens 2T → ≈ 7B, ≈ 17% saved', () => {
    const result = spawnCli(['--params', '13e9', '--rule', 'optimal', '--loss', `${ROOT}tests/fixtures/sardana2023-loss.json`, '--inference-tokens', '2T', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [row] = JSON.parse(result.stdout).plans;
    expect(row.loss.model).toBe('sardana2023');
    expect(row.inference.params).toBeGreaterThan(6.5e9);
    expect(row.inference.params).toBeLessThan(7.5e9);
    expect(row.inference.lifetimeSavingFraction).toBeGreaterThan(0.15);
    expect(row.inference.lifetimeSavingFraction).toBeLessThan(0.19);
  });
});
