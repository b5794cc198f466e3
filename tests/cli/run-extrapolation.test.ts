import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// A chosen run's extrapolation: the loss model is judged on the run it scored (the run's own N, D),
// the rule on the optimum it proposes at the same compute. Expected values by hand:
// Gopher (Rae et al. 2021): N = 280e9, D = 300e9, C = 6·N·D = 5.04e23 FLOPs.
// deepmind's optimum: 20 tokens per parameter, C = 6·N·20N → N_opt = sqrt(C/120) = sqrt(4.2e21) = 64.807e9,
// D_opt = 20·N_opt = 1.2961e12. Chinchilla's runs (Hoffmann et al. 2022): 70M–16B parameters, 5B–500B tokens.
interface Check {
  law: 'rule' | 'loss';
  id: string;
  quantity: string;
  value: number;
  decades: number;
  side: string;
  of?: string;
}
interface Row {
  rule: string;
  params: number;
  loss: { model: string; value: number };
  extrapolation: { inside: boolean; decades: number; lossFarOutside: boolean; checks: Check[] };
}

async function plan(argv: string[]): Promise<{ plans: Row[]; notes: string[] }> {
  const result = await runCli([...argv, '--json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

function find(row: Row | undefined, law: string, quantity: string): Check | undefined {
  return row?.extrapolation.checks.find((entry) => entry.law === law && entry.quantity === quantity);
}

describe('a chosen run is checked where each law applies', () => {
  it('--model gopher: hoffmann2022 judged on 280B/300B, deepmind on its optimum 64.8B/1.30T', async () => {
    const document = await plan(['--model', 'gopher']);
    const row = document.plans[0];
    const runN = find(row, 'loss', 'params');
    expect(runN).toMatchObject({ id: 'hoffmann2022', value: 280e9, side: 'above', of: 'run' });
    expect(runN?.decades).toBeCloseTo(Math.log10(280 / 16), 9); // 1.243
    expect(find(row, 'loss', 'tokens')).toMatchObject({ value: 300e9, side: 'inside', decades: 0, of: 'run' });
    const nOpt = Math.sqrt(5.04e23 / 120);
    const optN = find(row, 'rule', 'params');
    expect(optN).toMatchObject({ id: 'deepmind', side: 'above', of: 'optimum' });
    expect(optN?.value).toBeCloseTo(nOpt, -3);
    expect(optN?.decades).toBeCloseTo(Math.log10(nOpt / 16e9), 9); // 0.608
    expect(find(row, 'rule', 'tokens')?.decades).toBeCloseTo(Math.log10((20 * nOpt) / 500e9), 9); // 0.414
    // The largest distance is the run's; 1.24 decades is past the one-decade warning.
    expect(row?.extrapolation.decades).toBeCloseTo(Math.log10(17.5), 9);
    expect(row?.extrapolation.lossFarOutside).toBe(true);
    expect(row?.extrapolation.inside).toBe(false);
  });

  it('--model gopher: the note names the run and the optimum separately', async () => {
    const { notes } = await plan(['--model', 'gopher']);
    expect(notes).toContain(
      'The run: N 280B is 1.2 decades above the runs of hoffmann2022, which scores its loss (70.0M–16.0B parameters); D 300B lies inside (5.00B–500B tokens).' +
        " deepmind's optimum at the same compute: N 64.8B is 0.6 decades above the runs of deepmind (70.0M–16.0B parameters); D 1.30T is 0.4 decades above (5.00B–500B tokens).",
    );
    expect(notes.some((note) => note.startsWith("Warning (!): the run's loss (1.993 under hoffmann2022, 1.2 decades out)"))).toBe(true);
    const result = await runCli(['--model', 'gopher', '--no-color']);
    expect(result.stdout).toMatch(/^deepmind +280B +300B +1\.07 +1\.993 hoffmann2022 \(!\)$/m);
  });

  it('--params 7B --tokens 2T: N inside, D 0.6 decades above the loss model’s runs; the optimum nearly inside', async () => {
    const row = (await plan(['--params', '7B', '--tokens', '2T'])).plans[0];
    expect(find(row, 'loss', 'params')).toMatchObject({ value: 7e9, side: 'inside', decades: 0, of: 'run' });
    expect(find(row, 'loss', 'tokens')?.decades).toBeCloseTo(Math.log10(2e12 / 500e9), 9); // log10 4 = 0.602
    // C = 6·7e9·2e12 = 8.4e22 → N_opt = sqrt(8.4e22/120) = 26.46e9, D_opt = 529.2e9.
    const nOpt = Math.sqrt(8.4e22 / 120);
    expect(find(row, 'rule', 'params')?.decades).toBeCloseTo(Math.log10(nOpt / 16e9), 9); // 0.218
    expect(find(row, 'rule', 'tokens')?.decades).toBeCloseTo(Math.log10((20 * nOpt) / 500e9), 9); // 0.025
    expect(row?.extrapolation.lossFarOutside).toBe(false);
  });

  it('--rule all: the run once per loss model, then each rule’s optimum; one loss warning', async () => {
    const document = await plan(['--model', 'gopher', '--rule', 'all']);
    for (const row of document.plans) {
      expect(row.params).toBe(280e9);
      for (const entry of row.extrapolation.checks) expect(entry.of).toBe(entry.law === 'loss' ? 'run' : 'optimum');
    }
    const summary = document.notes.find((note) => note.startsWith("The run's N lies"));
    expect(summary).toContain("The run's N lies 1.2 decades above the runs of besiroglu2024, which scores its loss.");
    expect(summary).toContain('deepmind 0.6 (N above)');
    expect(document.notes.filter((note) => note.startsWith('Warning (!)'))).toHaveLength(1);
  });

  it('a plan (not a chosen run) keeps its checks untagged', async () => {
    const row = (await plan(['--budget', '5.04e23flops'])).plans[0];
    for (const entry of row?.extrapolation.checks ?? []) expect(entry.of).toBeUndefined();
    expect(find(row, 'loss', 'params')?.decades).toBeCloseTo(Math.log10(Math.sqrt(5.04e23 / 120) / 16e9), 9);
  });
});
