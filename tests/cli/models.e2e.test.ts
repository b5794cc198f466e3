import { describe, expect, it } from 'vitest';
import { relativeError, runCli } from '../helpers/cli.js';

interface Run {
  id: string;
  params: number;
  tokens: number;
  flops: number;
  flopsBasis: string;
  tokensPerParam: number;
  rules: Array<{ rule: string; optimalParams: number; paramsRatio: number }>;
}

async function models(argv: string[] = []): Promise<{ models: Run[]; input: { rule: string } }> {
  const result = await runCli(['models', ...argv, '--json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

const ratio = (run: Run | undefined, rule: string): number => run?.rules.find((entry) => entry.rule === rule)?.paramsRatio ?? Number.NaN;

describe('llm-plan models (issue 13)', () => {
  it('places Gopher and Chinchilla against deepmind: the seed article’s comparison in one command', async () => {
    const document = await models();
    const byId = new Map(document.models.map((run) => [run.id, run]));
    const chinchilla = byId.get('chinchilla');
    const gopher = byId.get('gopher');
    // Chinchilla: the paper's 5.76e23 FLOPs; deepmind's N_opt there = 70e9 · (5.76e23/5.88e23)^0.5 = 69.28e9, N/N_opt = 1.0104.
    expect(chinchilla?.flopsBasis).toBe('paper');
    expect(chinchilla?.flops).toBe(5.76e23);
    expect(relativeError(ratio(chinchilla, 'deepmind'), 1.0104)).toBeLessThan(1e-4);
    // Gopher: 6 · 280e9 · 300e9 = 5.04e23; N_opt = 70e9 · (5.04e23/5.88e23)^0.5 = 64.807e9, N/N_opt = 4.3205.
    expect(gopher?.flopsBasis).toBe('6ND');
    expect(relativeError(gopher?.flops ?? 0, 5.04e23)).toBeLessThan(1e-12);
    expect(relativeError(ratio(gopher, 'deepmind'), 4.3205)).toBeLessThan(1e-4);
    expect(relativeError(gopher?.tokensPerParam ?? 0, 300 / 280)).toBeLessThan(1e-12);
    expect(document.models[0]?.rules.map((entry) => entry.rule)).toEqual(['openai', 'deepmind', 'optimal']);
  });

  it('--rule all measures every run against all eight rules', async () => {
    const document = await models(['--rule', 'all']);
    expect(document.models[0]?.rules).toHaveLength(8);
    // Llama 3.1 405B at its paper's 3.8e25 FLOPs against llama3: N_opt = 3.8e25^0.463 / (6 · 0.299) = 3.887e11 (rulebook test), N/N_opt = 1.042.
    const llama = document.models.find((run) => run.id === 'llama-3.1-405b');
    expect(relativeError(ratio(llama, 'llama3'), 405e9 / 3.887e11)).toBeLessThan(1e-3);
  });

  it('prints a table within 80 columns with the compute basis marked', async () => {
    const result = await runCli(['models', '--no-color'], { env: { COLUMNS: '80' } });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(Math.max(...lines.map((line) => [...line].length))).toBeLessThanOrEqual(80);
    expect(result.stdout).toMatch(/^chinchilla +70\.0B +1\.40T +5\.8e23\* +20\.0 /m);
  });

  it('plot --models puts every run on the frontier, labelled, in JSON, the terminal and SVG', async () => {
    const json = JSON.parse((await runCli(['plot', '--models', '--json'])).stdout);
    expect(json.kind).toBe('frontier');
    expect(json.models.map((run: { id: string }) => run.id)).toContain('chinchilla');
    const terminal = await runCli(['plot', '--models', '--no-color'], { env: { COLUMNS: '80' } });
    expect(terminal.stdout).toMatch(/real runs: +a gpt-3 +b gopher +c chinchilla/);
    const svg = (await runCli(['plot', '--models', '--svg', '-'])).stdout;
    expect(svg).toMatch(/<text [^>]*>chinchilla<\/text>/);
    expect(svg).toMatch(/<title>Gopher: 280B parameters on 300B tokens, 5\.04e23 FLOPs<\/title>/);
  });

  it('plot --models with single budgets is an error that says what to do', async () => {
    const result = await runCli(['plot', '--budget', '1e23flops', '--models']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^llm-plan: error: --models places real runs on the compute-optimal frontier\nhint: /);
  });
});
