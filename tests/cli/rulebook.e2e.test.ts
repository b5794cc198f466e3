import { describe, expect, it } from 'vitest';
import { relativeError, runCli } from '../helpers/cli.js';

interface PlanRow {
  rule: string;
  params: number;
  tokens: number;
  loss: { model: string; value: number };
  extrapolation: { inside: boolean; decades: number; lossFarOutside: boolean; checks: Array<{ law: string; id: string; quantity: string; decades: number; side: string }> };
  range?: { params: [number, number]; tokens: [number, number]; flops?: [number, number]; fixed?: string };
  modelScale?: { flopsPerToken: number; lawTokens: number };
}

async function plan(argv: string[]): Promise<{ plans: PlanRow[]; notes: string[] }> {
  const result = await runCli([...argv, '--json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('the rule book through the CLI (issue 13)', () => {
  it('--rule all keeps the seed’s two rules first and plans every rule in one table', async () => {
    const document = await plan(['--budget', '1e23flops', '--rule', 'all']);
    expect(document.plans.map((row) => row.rule)).toEqual(['openai', 'deepmind', 'chinchilla-1', 'chinchilla-2', 'chinchilla-3', 'llama3', 'deepseek', 'optimal']);
    for (const row of document.plans) expect(row.loss.model).toBe('besiroglu2024');
    const table = await runCli(['--budget', '1e23flops', '--rule', 'all', '--no-color']);
    expect(table.stdout).toMatch(/^llama3 +24\.8B +671B/m);
  });

  it('llama3 at 3.8e25 FLOPs: the paper’s 16.55T tokens within 3% and 402B parameters within 5%', async () => {
    const [row] = (await plan(['--budget', '3.8e25flops', '--rule', 'llama3'])).plans;
    expect(relativeError(row?.tokens ?? 0, 16.55e12)).toBeLessThan(0.03);
    expect(relativeError(row?.params ?? 0, 402e9)).toBeLessThan(0.05);
    // 3.8e25 is 3.6 decades above the top of Llama 3's runs (1e22 FLOPs): log10(3800) = 3.58.
    const flops = row?.extrapolation.checks.find((entry) => entry.id === 'llama3' && entry.quantity === 'flops');
    expect(flops?.side).toBe('above');
    expect(flops?.decades).toBeCloseTo(Math.log10(3800), 9);
  });

  it('deepseek shows M_opt, its own D_opt and the shape it assumed', async () => {
    const document = await plan(['--budget', '4.5e23flops', '--rule', 'deepseek']);
    const [row] = document.plans;
    // By hand (DeepSeek LLM Fig. 4): M_opt = 4.32e11 FLOPs/token, D_opt = 1.04e12 tokens at 4.5e23.
    expect(relativeError(row?.modelScale?.flopsPerToken ?? 0, 4.32e11)).toBeLessThan(3e-3);
    expect(relativeError(row?.modelScale?.lawTokens ?? 0, 1.04e12)).toBeLessThan(3e-3);
    expect(document.notes.join('\n')).toMatch(/deepseek: M_opt = 4\.32e11 non-embedding FLOPs\/token becomes N through a shape/);
  });

  it('a loss far outside its model’s runs is flagged (!) with a warning, not a bare number', async () => {
    // 1.5e12 FLOPs under deepmind: N = 70e9·(1.5e12/5.88e23)^0.5 = 1.118e5, 2.8 decades below Chinchilla's 70M.
    const document = await plan(['--budget', '1.5e12flops']);
    const [row] = document.plans;
    expect(row?.extrapolation.lossFarOutside).toBe(true);
    expect(relativeError(row?.extrapolation.decades ?? 0, Math.log10(5e9 / (1.5e12 / (6 * 1.118e5))))).toBeLessThan(1e-3);
    expect(document.notes.join('\n')).toMatch(/Warning \(!\): the loss of deepmind \(16\.35, 3\.3 decades out\)/);
    const table = await runCli(['--budget', '1.5e12flops', '--no-color'], { env: { COLUMNS: '200' } });
    expect(table.stdout).toMatch(/16\.347 hoffmann2022 \(!\)/);
  });

  it('a plan inside the runs says so, and is not flagged', async () => {
    const [row] = (await plan(['--budget', '1e21flops'])).plans;
    expect(row?.extrapolation.inside).toBe(true);
    expect(row?.extrapolation.decades).toBe(0);
    expect(row?.extrapolation.lossFarOutside).toBe(false);
  });

  it('--unique-tokens 1 warns that its loss of 370 is outside the model', async () => {
    const document = await plan(['--budget', '1e21flops', '--unique-tokens', '1']);
    expect(document.notes.join('\n')).toMatch(/Warning: the limited-data loss 370\.2 scores N′ = 10\.8 and D′ = 16\.4, 8\.5 decades outside the runs hoffmann2022 was fitted on/);
  });

  it('--params 124e6 --range does not range the parameters the user fixed', async () => {
    const [row] = (await plan(['--params', '124e6', '--range'])).plans;
    expect(row?.range?.fixed).toBe('params');
    expect(row?.range?.params).toEqual([124e6, 124e6]);
    expect(row?.range?.tokens[0]).toBeLessThan(row?.range?.tokens[1] ?? 0);
    const table = await runCli(['--params', '124e6', '--range', '--no-color'], { env: { COLUMNS: '200' } });
    expect(table.stdout).toMatch(/\(parameters fixed at 124M\): tokens /);
  });

  it('llm-plan rules lists every rule and loss model with its source and data, within 80 columns', async () => {
    const result = await runCli(['rules', '--no-color'], { env: { COLUMNS: '80' } });
    expect(result.code).toBe(0);
    for (const id of ['openai', 'deepmind', 'chinchilla-1', 'chinchilla-2', 'chinchilla-3', 'llama3', 'deepseek', 'optimal', 'hoffmann2022-unrounded']) {
      expect(result.stdout).toMatch(new RegExp(`^${id}\\b`, 'm'));
    }
    expect(result.stdout).toMatch(/Fitted on: Llama 3 §3\.2\.1/);
  });
});
