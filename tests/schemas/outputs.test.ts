import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DOCUMENT_SCHEMAS } from '../../src/domain/schemas/registry.js';
import { ROOT, runCli } from '../helpers/cli.js';

// Real outputs validated against the JSON Schema the CLI prints (`llm-plan schema NAME`), by a
// JSON Schema validator independent of zod. A closed variant of each schema (no properties beyond
// those listed) also catches a field the code emits but the schema does not document.
const ajv = new Ajv2020({ allErrors: true, strict: false });

async function publishedSchema(name: string): Promise<object> {
  const result = await runCli(['schema', name]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

function closedSchema(name: string): object {
  const schema = DOCUMENT_SCHEMAS[name];
  if (!schema) throw new Error(`no schema ${name}`);
  return z.toJSONSchema(schema, { io: 'output' });
}

async function expectValid(name: string, document: unknown): Promise<void> {
  for (const schema of [await publishedSchema(name), closedSchema(name)]) {
    const validate = ajv.compile(schema);
    const valid = validate(document);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  }
}

const PLAN_CASES: string[][] = [
  ['--budget', '5000gpuh', '--gpu', 'v100'],
  ['--budget', '1e23flops'],
  ['--budget', '2e23flops', '--rule', 'all'],
  ['--budget', '$50k', '--price', '2.1', '--gpu', 'h100', '--mfu', '45%', '--loss', 'kaplan2020'],
  ['--budget', '10pfd', '--rule', 'optimal', '--loss', 'hoffmann2022'],
  ['--params', '7e9', '--gpu', 'h100'],
  ['--tokens', '2T'],
  ['--target-loss', '2.2', '--gpu', 'a100'],
  ['--budget', '1e22flops', '--baseline', '1B:20B', '--rule', 'all', '--range', '--loss', 'all'],
  // Issue 6: every constraint section, and the memory warning (fits: false).
  ['--budget', '50000gpuh', '--gpu', 'a100', '--gpus', '256', '--days', '14', '--price', '1.8', '--shape', '--hyperparams', '--unique-tokens', '300B', '--inference-tokens', '2T'],
  ['--budget', '1e23flops', '--rule', 'all', '--gpu', 'h100', '--days', '30', '--zero', '3', '--recompute', 'full', '--unique-tokens', '30B'],
  // Issue 13: the rule book, extrapolation (far outside, with the loss warning), ranges on a fixed quantity.
  ['--budget', '1e23flops', '--rule', 'deepseek'],
  ['--budget', '3.8e25flops', '--rule', 'llama3', '--loss', 'hoffmann2022-unrounded'],
  ['--budget', '1.5e12flops'],
  ['--params', '124e6', '--range'],
  ['--target-loss', '2.2', '--rule', 'chinchilla-3', '--range'],
  ['--budget', '1e21flops', '--rule', 'all', '--range', '--unique-tokens', '1'],
  // A chosen run: extrapolation checks tagged run (loss model) and optimum (rule).
  ['--model', 'gopher'],
  ['--params', '7B', '--tokens', '2T', '--rule', 'all'],
];

describe('real outputs validate against the generated JSON Schema', () => {
  it.each(PLAN_CASES)('plan %s …', async (...argv) => {
    const result = await runCli([...argv, '--json']);
    expect(result.code).toBe(0);
    await expectValid('plan', JSON.parse(result.stdout));
  });

  it('models --json (models@1), with every rule', async () => {
    for (const argv of [['models'], ['models', '--rule', 'all', '--loss', 'hoffmann2022-unrounded']]) {
      const result = await runCli([...argv, '--json']);
      expect(result.code).toBe(0);
      await expectValid('models', JSON.parse(result.stdout));
    }
  });

  it('plot --models --json (plot@1 with models)', async () => {
    const result = await runCli(['plot', '--models', '--json']);
    expect(result.code).toBe(0);
    await expectValid('plot', JSON.parse(result.stdout));
  });

  it('plan as NDJSON (one document on one line)', async () => {
    const result = await runCli(['--budget', '1e22flops', '--rule', 'all', '--format', 'ndjson']);
    const lines = result.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    await expectValid('plan', JSON.parse(lines[0] ?? ''));
  });

  it('sweep --json (sweep@1) and sweep --format ndjson (plan@1 per line)', async () => {
    const argv = ['sweep', '--budget', '1e3gpuh..1e5gpuh', '--steps', '3', '--gpu', 'h100', '--rule', 'all'];
    const json = await runCli([...argv, '--json']);
    expect(json.code).toBe(0);
    await expectValid('sweep', JSON.parse(json.stdout));
    const lines = (await runCli([...argv, '--format', 'ndjson'])).stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    for (const line of lines) await expectValid('plan', JSON.parse(line));
  });

  it.each([
    [['plot', '--budget', '5000gpuh', '--gpu', 'v100']],
    [['plot', '--budget', '1e21flops,1e23flops', '--rule', 'deepmind', '--baseline', '1B:20B']],
    [['plot', '--budget', '1e21flops..1e25flops', '--frontier']],
  ])('%j --json (plot@1)', async (argv) => {
    const result = await runCli([...argv, '--json']);
    expect(result.code).toBe(0);
    await expectValid('plot', JSON.parse(result.stdout));
  });

  it.each([['gpus'], ['rules']])('%s --json (presets@1)', async (command) => {
    const result = await runCli([command, '--json']);
    await expectValid('presets', JSON.parse(result.stdout));
  });

  it.each([['plans.yaml'], ['pass.json'], ['cluster.yaml']])('check %s --json (check@1)', async (file) => {
    const result = await runCli(['check', `${ROOT}tests/fixtures/check/${file}`, '--json']);
    expect([0, 1]).toContain(result.code);
    await expectValid('check', JSON.parse(result.stdout));
  });

  it('completion --json (completion@1) and schema --list --json (schema-list@1)', async () => {
    const completion = await runCli(['completion', '--json']);
    expect(completion.code).toBe(0);
    const spec = JSON.parse(completion.stdout);
    await expectValid('completion', spec);
    // The spec is read off the real program: every command is in it, and the plan flags are the root's.
    expect(spec.commands.map((command: { name: string }) => command.name)).toEqual(
      expect.arrayContaining(['gpus', 'rules', 'sweep', 'check', 'plot', 'schema', 'completion', 'fit']),
    );
    expect(spec.root.flags.map((flag: { long: string }) => flag.long)).toEqual(expect.arrayContaining(['--budget', '--gpu', '--shape']));
    const list = await runCli(['schema', '--list', '--json']);
    const document = JSON.parse(list.stdout);
    await expectValid('schema-list', document);
    expect(document.names).toEqual((await runCli(['schema', '--list'])).stdout.trim().split('\n'));
  });

  it.each([
    [['completion'], /which shell/],
    [['completion', 'bash', '--json'], /not both/],
    [['schema', 'plan', '--list'], /not both/],
  ])('%j is a usage error', async (argv, message) => {
    const result = await runCli(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it.each([['plans.yaml'], ['cluster.yaml']])('check %s --format ndjson: one check-result@1 line per config, the same results as --json', async (name) => {
    const file = `${ROOT}tests/fixtures/check/${name}`;
    const ndjson = await runCli(['check', file, '--format', 'ndjson']);
    const report = JSON.parse((await runCli(['check', file, '--json'])).stdout);
    expect(ndjson.code).toBe(report.passed ? 0 : 1);
    const lines = ndjson.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(report.results.length);
    for (const [index, line] of lines.entries()) {
      await expectValid('check-result', line);
      const { schema, file: lineFile, ...result } = line;
      expect(schema).toBe('llm-plan/check-result@1');
      expect(lineFile).toBe(report.file);
      expect({ ...result, file: lineFile }).toEqual(report.results[index]);
    }
  });

  it('check-file describes the check fixtures', async () => {
    const { parse } = await import('yaml');
    await expectValid('check-file', parse(readFileSync(`${ROOT}tests/fixtures/check/plans.yaml`, 'utf8')));
    await expectValid('check-file', JSON.parse(readFileSync(`${ROOT}tests/fixtures/check/pass.json`, 'utf8')));
    await expectValid('check-file', parse(readFileSync(`${ROOT}tests/fixtures/check/cluster.yaml`, 'utf8')));
  });

  it('the schemas reject a document that breaks them', async () => {
    const validate = ajv.compile(await publishedSchema('plan'));
    const plan = JSON.parse((await runCli(['--budget', '1e22flops', '--json'])).stdout);
    expect(validate({ ...plan, schema: 'llm-plan/plan@2' })).toBe(false);
    expect(validate({ ...plan, plans: [{ ...plan.plans[0], params: '2.7B' }] })).toBe(false);
    // The published schema lets @1 grow: an added field is still valid.
    expect(validate({ ...plan, addedLater: 1 })).toBe(true);
  });
});

describe('llm-plan schema', () => {
  it('prints a draft 2020-12 schema whose schema id is the document kind', async () => {
    const schema = (await publishedSchema('check')) as { $schema: string; properties: { schema: { const: string } } };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.schema.const).toBe('llm-plan/check@1');
  });

  it('lists the names', async () => {
    const result = await runCli(['schema', '--list']);
    expect(result.stdout.split('\n')).toEqual(expect.arrayContaining(['plan', 'check', 'presets']));
  });

  it.each([
    ['plans', /unknown schema 'plans' \(did you mean 'plan'\?\)/],
    ['sweeep', /unknown schema 'sweeep'/],
  ])('exits 2 for the unknown name %s, with the list', async (name, message) => {
    const result = await runCli(['schema', name]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/hint: llm-plan schema takes one of: plan, check, presets/);
  });

  it('exits 2 without a name, listing the names', async () => {
    const result = await runCli(['schema']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/takes one of: plan, check/);
  });
});
