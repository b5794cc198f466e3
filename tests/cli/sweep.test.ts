import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/render/json.js';
import { relativeError, runCli, spawnCli } from '../helpers/cli.js';

async function sweep(argv: readonly string[]) {
  // A wide terminal (COLUMNS): headers stay on one line.
  const result = await runCli(['sweep', ...argv], { env: { COLUMNS: '200' } });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('llm-plan sweep', () => {
  it('--json gives llm-plan/sweep@1 with one plan@1 document per budget, log-spaced', async () => {
    const document = JSON.parse(await sweep(['--budget', '1e3gpuh..1e6gpuh', '--steps', '4', '--gpu', 'v100', '--json']));
    expect(document.schema).toBe('llm-plan/sweep@1');
    expect(document.input).toMatchObject({ budget: '1e3gpuh..1e6gpuh', steps: 4, gpu: 'v100', rule: 'deepmind' });
    expect(document.rows.map((row: { input: { budget: string } }) => row.input.budget)).toEqual(['1000gpuh', '10000gpuh', '100000gpuh', '1000000gpuh']);
    // V100: 1000 h × 3600 s × 5e13 FLOP/s = 1.8e20, then ×10 per row.
    document.rows.forEach((row: { schema: string; compute: { flops: number; gpuHours: number } }, index: number) => {
      expect(row.schema).toBe('llm-plan/plan@1');
      expect(relativeError(row.compute.flops, 1.8e20 * 10 ** index)).toBeLessThan(1e-12);
      expect(relativeError(row.compute.gpuHours, 1e3 * 10 ** index)).toBeLessThan(1e-12);
    });
  });

  it('streams --json as exactly what renderJson prints for the whole document', async () => {
    const text = await sweep(['--budget', '1e20..1e24flops', '--steps', '5', '--rule', 'all', '--json']);
    expect(text).toBe(renderJson(JSON.parse(text)));
  });

  it('each row equals the plan of its budget run alone, and each ndjson line is that plan', async () => {
    const flags = ['--gpu', 'h100', '--rule', 'all', '--loss', 'all', '--mfu', '0.45'];
    const lines = (await sweep(['--budget', '1k..1Mgpuh', '--steps', '3', ...flags, '--format', 'ndjson'])).split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(4);
    for (const line of lines.slice(0, -1)) {
      const row = JSON.parse(line);
      const alone = await runCli(['--budget', row.input.budget, ...flags, '--json']);
      expect(row).toEqual(JSON.parse(alone.stdout));
    }
  });

  it.each([
    ['deepmind'],
    ['openai'],
    ['optimal'],
  ])('rows rise in compute and in parameters (%s)', async (rule) => {
    const rows = JSON.parse(await sweep(['--budget', '1e18flops..1e27flops', '--steps', '50', '--rule', rule, '--json'])).rows;
    for (let index = 1; index < rows.length; index++) {
      expect(rows[index].compute.flops).toBeGreaterThan(rows[index - 1].compute.flops);
      expect(rows[index].plans[0].params).toBeGreaterThan(rows[index - 1].plans[0].params);
      expect(rows[index].plans[0].tokens).toBeGreaterThan(rows[index - 1].plans[0].tokens);
    }
  });

  it('--format csv prints one header and one line per (budget, rule) with plain numbers', async () => {
    const text = await sweep(['--budget', '1e21..1e23flops', '--steps', '3', '--rule', 'all', '--format', 'csv']);
    const [header, ...lines] = text.trimEnd().split('\n');
    expect(header).toBe('budget,flops,pfDays,rule,params,tokens,tokensPerParam,lossModel,loss');
    // 3 budgets × 8 rules.
    expect(lines).toHaveLength(24);
    const first = lines[0]?.split(',') ?? [];
    expect(first[0]).toBe('1e21flops');
    expect(Number(first[1])).toBe(1e21);
    // 1e21 / 8.64e19 = 11.574 PF-days.
    expect(relativeError(Number(first[2]), 11.574074)).toBeLessThan(1e-6);
    expect(first[3]).toBe('openai');
    for (const line of lines) {
      const cells = line.split(',');
      expect(relativeError(6 * Number(cells[4]) * Number(cells[5]), Number(cells[1]))).toBeLessThan(1e-12);
    }
  });

  it('--format csv adds GPU-hours, cost and one column per loss model when they are known', async () => {
    const text = await sweep(['--budget', '$1k..$100k', '--steps', '2', '--gpu', 'h100', '--price', '2', '--loss', 'all', '--format', 'csv']);
    const [header, first] = text.split('\n');
    expect(header).toBe('budget,flops,pfDays,gpuHours,costUsd,rule,params,tokens,tokensPerParam,lossModel,loss,loss:hoffmann2022,loss:hoffmann2022-unrounded,loss:besiroglu2024,loss:kaplan2020');
    // $1000 at $2 per GPU-hour = 500 GPU-hours.
    expect(first?.split(',').slice(3, 5)).toEqual(['500', '1000']);
  });

  it('prints a table by default, one row per budget and rule', async () => {
    const text = await sweep(['--budget', '1e3gpuh..1e6gpuh', '--steps', '7', '--gpu', 'h100']);
    expect(text).toMatch(/GPU-hours\s+FLOPs\s+rule\s+parameters\s+tokens\s+tokens\/param\s+est\. loss/);
    expect(text).toMatch(/^\s+1,000\s+1\.42e21\s+deepmind/m);
    expect(text).toMatch(/^\s+3,162\s+/m);
    expect(text).toMatch(/^1,000,000\s+1\.42e24\s+deepmind/m);
  });

  it.each([
    [['--steps', '3'], /sweep needs --budget LO\.\.HI/],
    [['--budget', '1e3gpuh', '--gpu', 'h100'], /cannot read the range/],
    [['--budget', '1e3gpuh..1e6gpuh', '--steps', '1', '--gpu', 'h100'], /--steps must be a whole number/],
    [['--budget', '1e3gpuh..1e6gpuh'], /needs --gpu/],
    [['--budget', '1e21..1e23flops', '--format', 'xml'], /unknown --format 'xml'/],
    [['--budget', '1e21..1e23flops', '--format', 'csv', '--json'], /--json and --format csv/],
    [['--budget', '1e21..1e23flops', '--rule', 'optimal', '--baseline', '1B:20B'], /optimal has no anchor/],
    [['--budget', '1..1e25flops', '--format', 'ndjson'], /too small to plan/],
  ])('exits 2 with nothing on stdout for %j', async (argv, message) => {
    const result = await runCli(['sweep', ...argv]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^llm-plan: error: .*\nhint: .*\n$/);
    expect(result.stderr).toMatch(message);
  });
});

describe('llm-plan sweep (built bin)', () => {
  it('streams ndjson lines that each parse as a plan', () => {
    const result = spawnCli(['sweep', '--budget', '1e18flops..1e26flops', '--steps', '300', '--format', 'ndjson']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(300);
    expect(JSON.parse(lines[0] ?? '').compute.flops).toBe(1e18);
    expect(JSON.parse(lines[299] ?? '').compute.flops).toBe(1e26);
  });

  it('lets a command take its own --json after its name', () => {
    const result = spawnCli(['gpus', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).schema).toBe('llm-plan/presets@1');
  });
});
