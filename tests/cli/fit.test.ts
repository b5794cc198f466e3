import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { LossModelSchema } from '../../src/domain/presets.js';
import { relativeError, runCli, spawnCli } from '../helpers/cli.js';
import { HOFFMANN_LAW, syntheticRuns } from '../core/fit/fixtures.js';

const CHINCHILLA = fileURLToPath(new URL('../fixtures/chinchilla-figure4-points.csv', import.meta.url));
const DIR = mkdtempSync(join(tmpdir(), 'llm-plan-fit-'));

function writeRuns(name: string, text: string): string {
  const path = join(DIR, name);
  writeFileSync(path, text);
  return path;
}

const SYNTHETIC = writeRuns(
  'synthetic.csv',
  `params,tokens,loss\n${syntheticRuns(HOFFMANN_LAW, 0.003, 8).map((r) => `${r.params},${r.tokens},${r.loss}`).join('\n')}\n`,
);

describe('llm-plan fit chinchilla-figure4-points.csv --drop-top-loss 5', () => {
  let law: ReturnType<typeof LossModelSchema.parse> & Record<string, any>;
  beforeAll(async () => {
    const result = await runCli(['fit', CHINCHILLA, '--drop-top-loss', '5', '--budgets', '1e24flops,10pfd', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    law = JSON.parse(result.stdout);
  });

  it('prints a valid loss-model preset (llm-plan/fit@1) naming the input and today', () => {
    expect(LossModelSchema.parse(law)).toEqual(law);
    expect(law).toMatchObject({ schema: 'llm-plan/fit@1', id: 'fit-chinchilla-figure4-points', form: 'chinchilla', parameterCount: 'all' });
    expect(law.fit).toMatchObject({ input: CHINCHILLA, runs: 240, droppedTopLoss: 5, delta: 1e-3, starts: 4500, converged: true });
    expect(law.fit.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(law.source).toContain(CHINCHILLA);
    expect(law.source).toContain(law.fit.date);
  });

  // Besiroglu et al. 2024 (arXiv:2404.10102) on the same 240 points; tolerances from issue 5.
  it.each([
    ['E', 1.8172, 0.01],
    ['alpha', 0.3478, 0.02],
    ['beta', 0.3658, 0.02],
    ['A', 482.01, 0.05],
    ['B', 2085.43, 0.1],
  ])('reproduces Epoch AI: %s = %d within %d', (name, expected, tolerance) => {
    expect(relativeError(law[name], expected)).toBeLessThan(tolerance);
  });

  it('reports compute-optimal N at 1e24 FLOPs within 3% of 95.9e9, and at 10 PF-days = 8.64e20 FLOPs', () => {
    const [big, small] = law.fit.optimal;
    expect(big).toMatchObject({ budget: '1e24flops', flops: 1e24 });
    expect(relativeError(big.params, 95.9e9)).toBeLessThan(0.03);
    expect(small).toMatchObject({ budget: '10pfd', flops: 8.64e20 });
    // About 20 tokens per parameter across budgets (Besiroglu et al. 2024 §4).
    for (const row of law.fit.optimal) expect(row.tokensPerParam).toBeGreaterThan(15), expect(row.tokensPerParam).toBeLessThan(25);
  });
});

describe('llm-plan fit output formats', () => {
  it('prints a table with the constants, implied exponent and tokens per parameter', async () => {
    const result = await runCli(['fit', CHINCHILLA, '--drop-top-loss', '5']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const out = result.stdout;
    expect(out).toContain('Fitted L = E + A/N^α + B/D^β to 240 runs');
    expect(out).toMatch(/^E\s+1\.81\d/m);
    expect(out).toMatch(/^α\s+0\.34\d\d/m);
    // Epoch's a = 0.3658/0.7136 = 0.513.
    expect(out).toMatch(/implied exponent a = β\/\(α\+β\) = 0\.51\d/);
    expect(out).toMatch(/^1e24flops\s+9\d\.\dB\s+1\.\d\dT\s+1\d\.\d$/m);
    expect(out).toMatch(/best of 4500 starts: converged/);
    expect(out).not.toContain('\u001b[');
  });

  it('gives ndjson as the --json document on one line, with bootstrap intervals; progress only on a TTY', async () => {
    const ndjson = await runCli(['fit', SYNTHETIC, '--format', 'ndjson', '--bootstrap', '8', '--seed', '5']);
    expect(ndjson.code).toBe(0);
    // Not a terminal (runCli): no progress bar.
    expect(ndjson.stderr).toBe('');
    expect(ndjson.stdout.trimEnd().split('\n')).toHaveLength(1);
    const line = JSON.parse(ndjson.stdout);
    expect(LossModelSchema.parse(line)).toEqual(line);
    expect(line.fit.bootstrap).toMatchObject({ samples: 8, seed: 5, confidence: 0.95 });
    expect(line.fit.bootstrap.draws).toHaveLength(8);
    const [low, high] = line.fit.optimal[0].paramsInterval;
    expect(low).toBeLessThan(high);

    // The same fit with --json, with stderr on a terminal: the bar is drawn there, stdout is clean.
    let stdout = '';
    let stderr = '';
    const code = await run(['fit', SYNTHETIC, '--json', '--bootstrap', '8', '--seed', '5'], {
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
      env: {},
      isTTY: false,
      stderrIsTTY: true,
    });
    expect(code).toBe(0);
    expect(stderr).toContain('\rfit       [');
    expect(stderr).toContain('\rbootstrap [');
    expect(stderr).toContain('100% 8/8');
    expect(stdout).not.toContain('\r');
    // Same data and seed: the same document.
    expect(JSON.parse(stdout)).toEqual(line);
  });

  it('shows bootstrap intervals in the table', async () => {
    const result = await runCli(['fit', SYNTHETIC, '--bootstrap', '5', '--budgets', '1e22flops']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('95% interval');
    expect(result.stdout).toMatch(/^1e22flops\s+\S+ \[\S+ – \S+\]/m);
    expect(result.stdout).toContain('Bootstrap: 5 resamples, seed 0');
  });
});

describe('llm-plan fit errors (exit 2, one line and a hint)', () => {
  const badRow = writeRuns('bad.csv', 'params,tokens,loss\n1e8,2e9,3\n1e8,2e9,-1\n');
  const fewRuns = writeRuns('few.csv', 'N,D,loss\n1e8,2e9,3\n2e8,2e9,2.9\n');
  it.each([
    ['a non-positive loss, naming the line', ['fit', badRow], /^llm-plan: error: .*bad\.csv: line 3: loss must be a positive finite number, got "-1"\n/],
    ['a missing file', ['fit', join(DIR, 'nope.csv')], /^llm-plan: error: .*nope\.csv: no such file\n/],
    ['too few runs', ['fit', fewRuns], /at least 6 runs, got 2\nhint: /],
    ['dropping too many', ['fit', SYNTHETIC, '--drop-top-loss', '60'], /at least 6 runs, got 4/],
    ['a GPU-hour budget', ['fit', SYNTHETIC, '--budgets', '5000gpuh'], /--budgets takes FLOP or PF-day budgets, got '5000gpuh'\nhint: /],
    ['a bare-number budget', ['fit', SYNTHETIC, '--budgets', '1e24'], /has no unit/],
    ['a fractional drop count', ['fit', SYNTHETIC, '--drop-top-loss', '1.5'], /--drop-top-loss must be a whole number, got '1.5'/],
    ['a zero delta', ['fit', SYNTHETIC, '--delta', '0'], /--delta must be a positive number, got '0'/],
    ['zero resamples', ['fit', SYNTHETIC, '--bootstrap', '0'], /--bootstrap must be a whole number from 1/],
    ['a bad seed', ['fit', SYNTHETIC, '--bootstrap', '2', '--seed', 'x'], /--seed must be a whole number/],
    ['an unknown format', ['fit', SYNTHETIC, '--format', 'xml'], /unknown --format 'xml'\nhint: --format takes one of: table, json, ndjson/],
    ['--json with another format', ['fit', SYNTHETIC, '--json', '--format', 'ndjson'], /--json contradicts --format ndjson/],
    ['no file', ['fit'], /missing required argument 'file'/],
  ])('%s', async (_, argv, message) => {
    const result = await runCli(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('llm-plan fit (built bin)', () => {
  it('reads NDJSON runs from stdin and prints the law as one line', () => {
    const input = syntheticRuns(HOFFMANN_LAW, 0, 1)
      .map((r) => JSON.stringify({ params: r.params, flops: 6 * r.params * r.tokens, loss: r.loss }))
      .join('\n');
    const result = spawnCli(['fit', '-', '--format', 'ndjson'], { input });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const law = JSON.parse(result.stdout);
    expect(law).toMatchObject({ id: 'fit-stdin', fit: { input: '-', runs: 64 } });
    // Noiseless runs from Hoffmann's law come back (tokens derived from FLOPs on the way).
    for (const name of ['E', 'A', 'B', 'alpha', 'beta'] as const) {
      expect(relativeError(law[name], HOFFMANN_LAW[name])).toBeLessThan(1e-4);
    }
  });

  it('lists fit in the help and leads its own help with examples', () => {
    expect(spawnCli(['--help']).stdout).toContain('llm-plan fit runs.csv');
    const help = spawnCli(['fit', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Examples:\n {2}llm-plan fit runs\.csv/);
  });
});
