import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isPresetPath } from '../../src/presets/catalog.js';
import { parseUserPresets } from '../../src/presets/parse-user-presets.js';
import { ROOT, relativeError, runCli } from '../helpers/cli.js';
import { createTempFiles } from '../helpers/run-with-stdin.js';

const fixture = (name: string): string => `${ROOT}tests/fixtures/presets/${name}`;
const gpu = JSON.parse(readFileSync(fixture('my-gpu.json'), 'utf8'));
const rule = JSON.parse(readFileSync(fixture('my-rule.json'), 'utf8'));
const loss = JSON.parse(readFileSync(fixture('my-loss.json'), 'utf8'));

const files = createTempFiles({
  'bad-tflops.json': JSON.stringify({ ...gpu, denseTflops: { bf16: -5 } }),
  'typo.json': JSON.stringify({ ...gpu, memoryGb: 96 }),
  'two.json': JSON.stringify({ accelerators: [gpu, { ...gpu, id: 'other' }] }),
  'list.json': JSON.stringify({ accelerators: [gpu] }),
  'not-preset.json': JSON.stringify({ hello: 'world' }),
  'rule-bad-loss.json': JSON.stringify({ ...rule, defaultLoss: 'hofmann2022' }),
  'proto.json': '{"id":"p","name":"P","vendor":"v","denseTflops":{"bf16":1},"memoryGB":1,"bandwidthGBps":1,"confidence":"c","source":"s","__proto__":{"polluted":true}}',
  'constructor.json': '{"constructor":{"prototype":{"polluted":true}},"accelerators":[]}',
  'proto-tflops.json': JSON.stringify({ ...gpu }).replace('"bf16":500', '"bf16":500,"__proto__":{"polluted":true}'),
});
const presetDir = join(files.dir, 'presets');
const shadowDir = join(files.dir, 'shadow');
const clashDir = join(files.dir, 'clash');
for (const directory of [presetDir, shadowDir, clashDir]) mkdirSync(directory);
for (const name of ['my-gpu.json', 'my-rule.json', 'my-loss.json']) copyFileSync(fixture(name), join(presetDir, name));
copyFileSync(fixture('my-gpu.json'), join(clashDir, 'a.json'));
copyFileSync(fixture('my-gpu.json'), join(clashDir, 'b.json'));
// Reuses the alias 'h100': the built-in h100-sxm5 answers to it.
writeFileSync(join(shadowDir, 'h100.json'), JSON.stringify({ ...gpu, id: 'my-h100', aliases: ['h100'] }));
afterAll(() => files.remove());

describe('user preset files by path', () => {
  // C = 1000 h × 3600 s × 500e12 FLOP/s × 0.40 = 7.2e20.
  it('--gpu ./file.json plans on that accelerator', async () => {
    const result = await runCli(['--budget', '1000gpuh', '--gpu', fixture('my-gpu.json'), '--json']);
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout);
    expect(plan.hardware).toMatchObject({ id: 'my-accel', precision: 'bf16', peakFlops: 5e14 });
    expect(relativeError(plan.compute.flops, 7.2e20)).toBeLessThan(1e-12);
    expect(plan.input.gpu).toBe(fixture('my-gpu.json'));
  });

  // The fixture rule: N = 1e9 · (C / 1.2e20)^0.5, so at C = 1.2e22, N = 1e10 and D = C/(6N) = 2e11.
  // The fixture loss: L = 2 + 1/√N + 1/√D = 2 + 1e-5 + 2.236e-6 = 2.0000122.
  it('--rule and --loss files', async () => {
    const result = await runCli(['--budget', '1.2e22flops', '--rule', fixture('my-rule.json'), '--loss', fixture('my-loss.json'), '--json']);
    expect(result.code).toBe(0);
    const [row] = JSON.parse(result.stdout).plans;
    expect(row.rule).toBe('twenty-at-1e20');
    expect(relativeError(row.params, 1e10)).toBeLessThan(1e-12);
    expect(relativeError(row.tokens, 2e11)).toBeLessThan(1e-12);
    expect(row.loss.model).toBe('flat-loss');
    expect(row.loss.value).toBeCloseTo(2.0000122, 7);
  });

  it('accepts the list-file shape with one preset', async () => {
    expect((await runCli(['--budget', '1000gpuh', '--gpu', files.path('list.json'), '--json'])).code).toBe(0);
  });

  it.each([
    ['bad-tflops.json', /bad-tflops\.json: denseTflops\.bf16: expected number to be >0/],
    ['typo.json', /typo\.json: unknown field 'memoryGb' \(did you mean 'memoryGB'\?\)/],
    ['two.json', /two\.json: --gpu needs a file with exactly one accelerator; it holds 2 accelerators/],
    ['not-preset.json', /not-preset\.json: not a preset/],
    ['proto.json', /proto\.json: unknown field '__proto__'/],
    ['missing.json', /missing\.json: no such file/],
  ])('--gpu %s exits 2 naming the file and field', async (name, message) => {
    const result = await runCli(['--budget', '1000gpuh', '--gpu', files.path(name)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it("a user rule's defaultLoss must resolve", async () => {
    const result = await runCli(['--budget', '1e22flops', '--rule', files.path('rule-bad-loss.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/rule-bad-loss\.json: rule 'twenty-at-1e20': defaultLoss: unknown loss model 'hofmann2022' \(did you mean 'hoffmann2022'\?\)/);
  });

  it.each([
    ['h100', false],
    ['tpu-v5e', false],
    ['a100.80gb', false],
    ['./h100', true],
    ['presets/h100', true],
    ['h100.json', true],
    ['MY.JSON', true],
  ])('isPresetPath(%s) → %s: ids never become paths', (value, expected) => {
    expect(isPresetPath(value)).toBe(expected);
  });
});

describe('LLM_PLAN_PRESETS', () => {
  it('adds the presets of a directory by id', async () => {
    const env = { LLM_PLAN_PRESETS: presetDir };
    const result = await runCli(['--budget', '1.2e22flops', '--gpu', 'my-accel', '--rule', 'twenty-at-1e20', '--json'], { env });
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout);
    expect(plan.hardware.id).toBe('my-accel');
    expect(relativeError(plan.plans[0].params, 1e10)).toBeLessThan(1e-12);
    expect(plan.plans[0].loss.model).toBe('hoffmann2022');
    const gpus = JSON.parse((await runCli(['gpus', '--json'], { env })).stdout);
    expect(gpus.accelerators.map((entry: { id: string }) => entry.id)).toContain('my-accel');
    const rules = JSON.parse((await runCli(['rules', '--json'], { env })).stdout);
    expect(rules.lossModels.map((entry: { id: string }) => entry.id)).toContain('flat-loss');
  });

  it('refuses to shadow a built-in id or alias unless --allow-override', async () => {
    const env = { LLM_PLAN_PRESETS: shadowDir };
    const refused = await runCli(['--budget', '1000gpuh', '--gpu', 'h100', '--json'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/h100\.json: accelerator 'h100' would shadow the built-in accelerator 'h100-sxm5'/);
    expect(refused.stderr).toMatch(/--allow-override/);
    const allowed = await runCli(['--budget', '1000gpuh', '--gpu', 'h100', '--allow-override', '--json'], { env });
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.stdout).hardware.id).toBe('my-h100');
  });

  it('refuses one id defined by two user files', async () => {
    const result = await runCli(['--budget', '1e22flops'], { env: { LLM_PLAN_PRESETS: clashDir } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/b\.json: accelerator 'my-accel' is also defined in .*a\.json/);
  });

  it('names a directory that does not exist', async () => {
    const result = await runCli(['--budget', '1e22flops'], { env: { LLM_PLAN_PRESETS: join(files.dir, 'nope') } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/LLM_PLAN_PRESETS=.*nope: no such directory/);
  });

  it('check resolves its configs against the directory too', async () => {
    const checkFiles = createTempFiles({ 'c.yaml': 'name: c\nparams: 1B\ntokens: 20B\nbudget: 100gpuh\ngpu: my-accel\n' });
    const result = await runCli(['check', checkFiles.path('c.yaml'), '--json'], { env: { LLM_PLAN_PRESETS: presetDir } });
    checkFiles.remove();
    // 100 h × 3600 s × 500e12 × 0.4 = 7.2e19 FLOPs of budget; 6 × 1e9 × 20e9 = 1.2e20 is over it.
    const report = JSON.parse(result.stdout);
    expect(report.results[0].budgetFlops).toBeCloseTo(7.2e19, -7);
    expect(report.results[0].violations.map((violation: { code: string }) => violation.code)).toEqual(['over-budget']);
  });
});

describe('parseUserPresets', () => {
  it('does not pollute prototypes through __proto__ or constructor keys', () => {
    expect(() => parseUserPresets('proto.json', JSON.parse(readFileSync(files.path('proto.json'), 'utf8')))).toThrow(/unknown field '__proto__'/);
    expect(() => parseUserPresets('constructor.json', JSON.parse(readFileSync(files.path('constructor.json'), 'utf8')))).toThrow(/constructor/);
    // Inside a record (denseTflops) zod drops a __proto__ key instead of assigning it.
    const [accelerator] = parseUserPresets('proto-tflops.json', JSON.parse(readFileSync(files.path('proto-tflops.json'), 'utf8'))).accelerators;
    expect(Object.keys(accelerator?.denseTflops ?? {})).toEqual(['bf16']);
    expect(Object.getPrototypeOf(accelerator?.denseTflops)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    [gpu, 'accelerators'],
    [rule, 'rules'],
    [loss, 'lossModels'],
  ])('reads a single preset as its kind', (preset, kind) => {
    const presets = parseUserPresets('x.json', preset);
    expect(presets[kind as 'rules']).toHaveLength(1);
  });

  it('reads a presets@1 document as llm-plan rules --json prints it', async () => {
    const document = (await runCli(['rules', '--json'])).stdout;
    const presets = parseUserPresets('rules.json', JSON.parse(document));
    expect(presets.rules.map((entry) => entry.id)).toEqual(['openai', 'deepmind', 'chinchilla-1', 'chinchilla-2', 'chinchilla-3', 'llama3', 'deepseek', 'optimal']);
    expect(presets.lossModels).toHaveLength(4);
  });
});
