import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addPlanOptions } from '../../src/cli/commands/plan.js';
import { planRequestFromFlags } from '../../src/cli/plan-request.js';
import { parseRuns } from '../../src/core/fit/parse-runs.js';
import { parseDocument } from '../../src/cli/yaml-parser.js';
import { catalog, check, fit, plan, PlanError, PlanRequestSchema, sweep, type CheckDocument, type PlanRequest } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';

const json = async (argv: string[]): Promise<unknown> => {
  const result = await runCli([...argv, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
};

describe('the library returns exactly the document --json prints', () => {
  it.each<[PlanRequest, string]>([
    [{ budget: '5000gpuh', gpu: 'v100' }, '--budget 5000gpuh --gpu v100'],
    [{ budget: '1e23flops', rule: 'all' }, '--budget 1e23flops --rule all'],
    [{ params: 7e9 }, '--params 7e9'],
    [{ params: '7B', rule: 'openai' }, '--params 7B --rule openai'],
    [{ targetLoss: 2.2, gpu: 'h100', mfu: 0.5 }, '--target-loss 2.2 --gpu h100 --mfu 0.5'],
    [{ budget: '$50000', gpu: 'h100', price: 2.5 }, '--budget $50000 --gpu h100 --price 2.5'],
    [{ budget: '20000gpuh', gpu: 'a100', gpus: 64, seqLen: 4096, shape: true, hyperparams: true, range: true }, '--budget 20000gpuh --gpu a100 --gpus 64 --seq-len 4096 --shape --hyperparams --range'],
    [{ budget: '1e22flops', uniqueTokens: '100B', inferenceTokens: 1e12, loss: 'all' }, '--budget 1e22flops --unique-tokens 100B --inference-tokens 1e12 --loss all'],
    [{ budget: '1e21flops', baseline: '1B:20B', rule: 'openai', gpu: null }, '--budget 1e21flops --baseline 1B:20B --rule openai'],
    [{ gpus: 1024, days: 30, gpu: 'h100', arch: 'llama-2-70b' }, '--gpus 1024 --days 30 --gpu h100 --arch llama-2-70b'],
    [{ model: 'chinchilla', gpu: 'a100', flashAttn: false }, '--model chinchilla --gpu a100 --no-flash-attn'],
    [{ params: 7e9, tokens: '2T', gpu: 'h100', gpus: 256, start: '2026-01-05' }, '--params 7e9 --tokens 2T --gpu h100 --gpus 256 --start 2026-01-05'],
  ])('plan(%j) = llm-plan %s --json', async (request, flags) => {
    expect(plan(request)).toEqual(await json(flags.split(' ')));
  });

  it('plans what DESIGN §4 says for 5000 V100-hours', () => {
    const doc = plan({ budget: '5000gpuh', gpu: 'v100' });
    // 5000 h × 3600 s × 125e12 FLOP/s (V100 fp16 dense) × MFU 0.40 = 9.0e20 FLOPs.
    expect(doc.compute.flops).toBe(9e20);
    // Chinchilla rule, 20 tokens per parameter at the anchor: N = sqrt(9e20 / 120) = 2.74e9 (DESIGN §4).
    expect(doc.plans[0]?.params).toBeCloseTo(Math.sqrt(9e20 / 120), -6);
  });

  it('sweep() = llm-plan sweep --json', async () => {
    const doc = sweep({ budget: '1e21flops..1e23flops', steps: 3, rule: 'openai' });
    expect(doc).toEqual(await json(['sweep', '--budget', '1e21flops..1e23flops', '--steps', '3', '--rule', 'openai']));
    expect(doc.rows.map((row) => row.compute.flops)).toEqual([1e21, 1e22, 1e23]);
  });

  it('fit() = llm-plan fit FILE --json', async () => {
    const path = fileURLToPath(new URL('../fixtures/chinchilla-figure4-points.csv', import.meta.url));
    const runs = parseRuns(readFileSync(path, 'utf8'), path);
    const cli = (await json(['fit', path])) as { fit: { date: string } };
    expect(fit({ runs, input: path, date: cli.fit.date })).toEqual(cli);
  });

  it.each([
    ['tests/fixtures/check/plans.yaml', 1],
    ['tests/fixtures/check/pass.json', 0],
  ])('check() = llm-plan check %s --json, but for the locations in the file', async (path, code) => {
    const text = readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');
    const data = parseDocument(text).toJS() as unknown;
    const configs = (Array.isArray(data) ? data : (data as { configs: unknown[] }).configs) as Parameters<typeof check>[0]['configs'];
    const result = await runCli(['check', path, '--json']);
    expect(result.code).toBe(code);
    const cli = JSON.parse(result.stdout) as CheckDocument;
    // The CLI points at each config's line; the library's configs are data with no lines.
    expect(cli.results.every((row) => row.location !== null)).toBe(true);
    const unlocated = { ...cli, results: cli.results.map((row) => ({ ...row, location: null })) };
    expect(check({ configs, file: path })).toEqual(unlocated);
  });

  it('check() measures a config as worked by hand', () => {
    const report = check({ configs: [{ name: 'llama-70b', params: '70B', tokens: '100B' }] });
    const [row] = report.results;
    // 6·N·D = 6 × 70e9 × 100e9 = 4.2e22 FLOPs; D/N = 100/70 ≈ 1.43 tokens per parameter.
    expect(row?.flops).toBe(4.2e22);
    expect(row?.tokensPerParam).toBeCloseTo(100 / 70, 12);
    expect(report.file).toBe('configs');
    expect(row?.location).toBeNull();
    expect(report.passed).toBe(false);
    expect(row?.violations.map((violation) => violation.code)).toContain('off-optimum');
  });

  it('catalog() = llm-plan gpus --json and llm-plan rules --json together', async () => {
    const { accelerators } = (await json(['gpus'])) as { accelerators: unknown };
    const { rules, lossModels } = (await json(['rules'])) as { rules: unknown; lossModels: unknown };
    expect(catalog()).toEqual({ schema: 'llm-plan/presets@1', accelerators, rules, lossModels });
  });
});

describe('library errors', () => {
  it.each<[unknown, string, string]>([
    [{ budget: '5000' }, 'bad-input', "the budget '5000' has no unit"],
    [{ gpy: 'v100', budget: '5000gpuh' }, 'bad-input', "plan request: unknown field 'gpy' (did you mean 'gpu'?)"],
    [{ budget: 5000 }, 'bad-input', 'plan request: budget: expected string, got number'],
    [{ budget: '5000gpuh', gpu: 'v1000' }, 'unknown-id', "'v1000'"],
    [{ gpu: 'v100' }, 'bad-input', 'nothing to plan'],
  ])('plan(%j) throws a PlanError %s', (request, code, message) => {
    const error = (() => {
      try {
        plan(request as PlanRequest);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(PlanError);
    expect((error as PlanError).code).toBe(code);
    expect((error as PlanError).message).toContain(message);
  });
});

describe('check() errors name the config and the field, as the CLI does for a file', () => {
  it.each<[unknown, string]>([
    [{ configs: [{ name: 'a', params: '7B', tokens: '140B', gpy: 'h100' }] }, "configs: configs[0] (a): unknown field 'gpy' (did you mean 'gpu'?)"],
    [{ configs: [{ params: '7B', tokens: '140B', gpu: 'h1000', budget: '1000gpuh' }], file: 'mine.yaml' }, 'mine.yaml: configs[0].gpu: '],
    [{ configs: [] }, 'check request: configs:'],
    [{ config: [] }, 'check request: configs: missing'],
  ])('check(%j) throws', (request, message) => {
    expect(() => check(request as Parameters<typeof check>[0])).toThrow(PlanError);
    expect(() => check(request as Parameters<typeof check>[0])).toThrow(message);
  });
});

describe('one request, three doors', () => {
  it('the plan flags and the request schema name the same fields', () => {
    const command = addPlanOptions(new Command());
    const everyFlag = Object.fromEntries(command.options.map((option) => [option.attributeName(), 'x']));
    expect(Object.keys(planRequestFromFlags(everyFlag)).sort()).toEqual(Object.keys(PlanRequestSchema.shape).sort());
  });
});
