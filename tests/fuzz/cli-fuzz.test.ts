import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { assertWellBehaved, outputKindOf } from './well-behaved.js';

/**
 * Issue 8: whatever a user pastes or a script generates ends in exit 0 with valid output, or exit 2
 * with exactly one `llm-plan: error:` line (and an optional `hint:` line) and nothing on stdout.
 * Never an uncaught exception, a stack trace, exit 70, NaN or Infinity. Seeded, so a failure
 * reproduces; at least 10,000 inputs of each kind per run.
 */
const RUNS = 10_000;
const RUNS_ARGV = 10_000;

const numberText = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: 1e-2, max: 1e7, noNaN: true }).map((value) => value.toPrecision(4)) },
  fc.integer({ min: -10, max: 1e9 }).map(String),
  fc.double({ min: -1e6, max: 1e40, noNaN: true }).map((value) => String(value)),
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: -400, max: 400 })).map(([m, e]) => `${m}e${e}`),
  fc.constantFrom('0', '.5', '5.', '1,000', '12,345,678', '1,00', '00', '1e', 'e5', '--1', '+5', '1_000', '٣', '１２'),
);
const suffix = fc.constantFrom('', 'k', 'K', 'M', 'm', 'B', 'G', 'T', 'P', 'x', 'kk');
const goodUnit = fc.constantFrom('gpuh', 'GPUh', 'gpu-hours', 'gpud', 'flops', 'pfd', 'pf-days', 'usd');
const oddUnit = fc.constantFrom(
  '', 'gpuh', 'GPUh', 'gpu-hours', 'gpu hours', 'gpu_hrs', 'gpud', 'GPU-days', 'flops', 'FLOP', 'pfd', 'pf-days',
  'petaflop/s-days', 'usd', 'USD', 'dollars', 'parsecs', 'h', 'gpu', '__proto__', 'constructor', 'toString', '$',
);
const unit = fc.oneof({ weight: 3, arbitrary: goodUnit }, { weight: 1, arbitrary: oddUnit });
const space = fc.constantFrom('', ' ', '  ', '\t', '\u00a0');
const structuredBudget = fc
  .tuple(fc.oneof({ weight: 6, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('$', '$ ', '-', '−') }), numberText, space, suffix, space, unit, space)
  .map((parts) => parts.join(''));
const anyBudget = fc.oneof(
  { weight: 6, arbitrary: structuredBudget },
  { weight: 2, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
);

describe('fuzz: budget strings through the whole CLI', () => {
  it(`${RUNS} generated budgets plan or fail cleanly`, async () => {
    let planned = 0;
    await fc.assert(
      fc.asyncProperty(anyBudget, async (budget) => {
        const argv = ['--budget', budget, '--gpu', 'v100', '--price', '2', '--json'];
        const result = await runCli(argv);
        assertWellBehaved(result, argv, 'json');
        if (result.code === 0) planned++;
      }),
      { seed: 8, numRuns: RUNS },
    );
    // The generator is meant to reach both outcomes; if it stopped planning, it stopped testing.
    expect(planned).toBeGreaterThan(RUNS / 10);
  }, 120_000);
});

/*
 * Argument vectors over every command and flag users have. Paths are only fixtures and files in a
 * temporary directory made here (good ones, junk, a directory, a FIFO, a symlink loop); nothing
 * generated writes a file. The runs are split by command so slow commands (fit) get few.
 */
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const fixture = (name: string): string => join(FIXTURES, name);
let tmp = '';
const inTmp = (name: string): string => join(tmp, name);

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'llm-plan-fuzz-'));
  const runs = [
    [1e7, 1e9, 4.0], [1e8, 1e9, 3.5], [1e8, 1e10, 3.1], [1e9, 1e10, 2.8], [1e9, 1e11, 2.5], [1e7, 1e11, 3.6],
  ];
  writeFileSync(inTmp('runs.csv'), `params,tokens,loss\n${runs.map((row) => row.join(',')).join('\n')}\n`);
  writeFileSync(inTmp('runs.json'), JSON.stringify(runs.map(([params, tokens, loss]) => ({ params, tokens, loss }))));
  writeFileSync(inTmp('runs.ndjson'), runs.map(([N, D, loss]) => JSON.stringify({ N, D, loss })).join('\n'));
  writeFileSync(inTmp('request.json'), '{"budget":"5000gpuh","gpu":"v100"}');
  writeFileSync(inTmp('request-odd.json'), '{"budget":1e21,"rule":"all","range":true,"shape":true}');
  writeFileSync(inTmp('junk.yaml'), 'configs: [ {name: a, params: ');
  writeFileSync(inTmp('junk.json'), '{"a": [1, 2');
  writeFileSync(inTmp('junk.csv'), 'a,b\n1,2\n"3,4\n');
  writeFileSync(inTmp('empty'), '');
  writeFileSync(inTmp('bom.json'), '\ufeff');
  writeFileSync(inTmp('latin1.json'), Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]));
  writeFileSync(inTmp('proto.json'), '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}');
  mkdirSync(inTmp('dir.json'));
  symlinkSync(inTmp('loop.json'), inTmp('loop.json'));
  spawnSync('mkfifo', [inTmp('fifo.json')]);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const file = (...names: string[]): fc.Arbitrary<string> => fc.constantFrom(...names).map((name) => (name.startsWith('@') ? fixture(name.slice(1)) : name.startsWith('~') ? inTmp(name.slice(1)) : name));
const junkFile = file('~missing.json', '~junk.json', '~junk.yaml', '~empty', '~bom.json', '~latin1.json', '~proto.json', '~dir.json', '~loop.json', '~fifo.json', '-', '', 'nope');
const count = fc.oneof(
  fc.constantFrom('7e9', '7B', '1e8', '70B', '2T', '300B', '1.4T', '1', '0', '-1', '1e30', '1e-5', 'abc', '', 'NaN', 'Infinity', '1,000', '1e400', '8'),
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: -30, max: 40 })).map(([m, e]) => `${m}e${e}`),
);
const budgetValue = fc.oneof({ weight: 1, arbitrary: anyBudget }, { weight: 2, arbitrary: fc.constantFrom('5000gpuh', '1e22flops', '1e24flops', '10pfd', '$50k', '1e40flops', '1flops', '0.000277778gpuh') });
const presetFlags: Record<string, fc.Arbitrary<string>> = {
  '--gpu': fc.oneof(fc.constantFrom('v100', 'H100', 'tpu-v4', 't4', 'a100-40gb', 'h10', '', '../etc/passwd', '__proto__', 'constructor'), file('@presets/my-gpu.json', '@presets/my-rule.json'), junkFile),
  '--precision': fc.constantFrom('bf16', 'fp16', 'fp8', 'fp32', 'tf32', 'int8', '', 'BF16'),
  '--mfu': fc.constantFrom('0.4', '45%', '1', '0', '-1', '1.5', 'NaN', '1e-300', '', '.5', '100%'),
  '--rule': fc.oneof(fc.constantFrom('openai', 'kaplan', 'deepmind', 'chinchilla', 'optimal', 'all', 'ALL', 'x', '', 'toString'), file('@presets/my-rule.json'), junkFile),
  '--loss': fc.oneof(fc.constantFrom('hoffmann2022', 'besiroglu2024', 'kaplan2020', 'all', 'x', ''), file('@presets/my-loss.json', '@sardana2023-loss.json', '~runs.json'), junkFile),
  '--price': fc.constantFrom('2.1', '$1', '0', '-2', 'free', '1e309', '', '1e-9'),
  '--baseline': fc.constantFrom('1B:20B', '1e9:2e10', '70B:1.4T', '1B', '1B:', ':', 'x:y', '0:0', '-1:5', '1e30:1e30', '1:1', '1B:20B:3'),
};
const planFlags: Record<string, fc.Arbitrary<string>> = {
  ...presetFlags,
  '--budget': budgetValue,
  '--params': count,
  '--tokens': count,
  '--target-loss': fc.constantFrom('2.0', '1.5', '1.0', '0', '-1', '3', '10', 'x', '1.8', '1.69', '1.7', '1e9', ''),
  '--gpus': count,
  '--days': count,
  '--zero': fc.constantFrom('0', '1', '2', '3', '4', 'x'),
  '--seq-len': count,
  '--micro-batch': count,
  '--recompute': fc.constantFrom('none', 'selective', 'full', 'some'),
  '--optimizer': fc.constantFrom('adamw', 'sgd', 'lion'),
  '--vocab': count,
  '--unique-tokens': count,
  '--inference-tokens': count,
  '--format': fc.constantFrom('table', 'json', 'ndjson', 'csv', 'markdown', 'yaml', ''),
  '--input': fc.oneof(file('~request.json', '~request-odd.json'), junkFile),
};
const planSwitches = ['--range', '--shape', '--hyperparams', '--json', '--no-color', '--allow-override', '--loss=all', '-b', '-'];
const pairsOf = (flags: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string[]> =>
  fc.constantFrom(...Object.keys(flags)).chain((flag) => (flags[flag] as fc.Arbitrary<string>).map((value) => [flag, value]));
const tokensOf = (flags: Record<string, fc.Arbitrary<string>>, switches: readonly string[]): fc.Arbitrary<string[]> =>
  fc.oneof(
    { weight: 8, arbitrary: pairsOf(flags) },
    { weight: 2, arbitrary: fc.constantFrom(...switches).map((flag) => [flag]) },
    { weight: 1, arbitrary: fc.constantFrom<string[]>(['--bogus'], ['-z'], ['--'], ['--help'], ['-V'], ['plan'], ['gpus']) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((text) => [text]) },
  );

/** Runs `count` vectors of `generator` and checks each against the contract; returns how many exited 0. */
async function fuzzArgv(generator: fc.Arbitrary<string[]>, seed: number, numRuns: number, allowViolation = false): Promise<number> {
  let succeeded = 0;
  // Sometimes with a presets directory (the fixtures', or one that is a file or missing), and with
  // GITHUB_ACTIONS=true, which makes check print annotations.
  const env = fc.record({
    LLM_PLAN_PRESETS: fc.constantFrom(undefined, undefined, undefined, fixture('presets'), fixture('check/pass.json'), inTmp('nope')),
    GITHUB_ACTIONS: fc.constantFrom(undefined, undefined, 'true'),
  });
  await fc.assert(
    fc.asyncProperty(generator, env, async (argv, variables) => {
      const result = await runCli(argv, { env: variables });
      assertWellBehaved(result, [...argv, JSON.stringify(variables)], outputKindOf(argv), allowViolation);
      if (result.code === 0) succeeded++;
    }),
    { seed, numRuns },
  );
  return succeeded;
}

// 10,000 vectors in all: plan 5,400, plot 600, sweep 1,600, check 1,000, fit 200, the rest 1,200.
const SPLIT = { plan: 5_400, plot: 600, sweep: 1_600, check: 1_000, fit: 200, other: 1_200 };
expect(Object.values(SPLIT).reduce((a, b) => a + b)).toBe(RUNS_ARGV);

describe(`fuzz: ${RUNS_ARGV} argument vectors over every command`, () => {
  it(`${SPLIT.plan} plan vectors: every plan flag`, async () => {
    const start = fc.constantFrom<string[]>(['--budget', '1e22flops'], ['--budget', '5000gpuh', '--gpu', 'a100'], ['--params', '7e9'], ['--tokens', '2T'], ['--target-loss', '2.1'], []);
    const argv = fc.tuple(start, fc.array(tokensOf(planFlags, planSwitches), { maxLength: 5 })).map(([head, rest]) => [...head, ...rest.flat()]);
    const succeeded = await fuzzArgv(argv, 81, SPLIT.plan);
    // The generator is meant to reach both outcomes; if it stopped planning, it stopped testing.
    expect(succeeded).toBeGreaterThan(SPLIT.plan / 10);
  }, 120_000);

  it(`${SPLIT.sweep} sweep vectors (few steps)`, async () => {
    const sweepFlags: Record<string, fc.Arbitrary<string>> = {
      ...presetFlags,
      '--budget': fc.oneof(fc.tuple(anyBudget, fc.constantFrom('..', '...', ' .. ', '..'), anyBudget).map((parts) => parts.join('')), fc.constantFrom('1e3gpuh..1e6gpuh', '1e21..1e25flops', '$10k..$1M', '1e20flops..1e19flops', '1e21flops', '..', 'x..y', '1e21flops..1e40flops', '1flops..1e3flops', '1e22flops..1e22flops', '0.000277778gpuh..1gpuh')),
      '--steps': fc.constantFrom('2', '3', '5', '1', '0', '-1', 'x', '2.5', '', '1e400', '1e12'),
      '--format': fc.constantFrom('table', 'json', 'ndjson', 'csv', 'markdown', ''),
    };
    const start = fc.constantFrom<string[]>(['sweep', '--budget', '1e21..1e25flops', '--steps', '3'], ['sweep', '--budget', '1e3gpuh..1e5gpuh', '--steps', '2', '--gpu', 'h100'], ['sweep']);
    const argv = fc.tuple(start, fc.array(tokensOf(sweepFlags, ['--json', '--no-color', '--allow-override']), { maxLength: 4 })).map(([head, rest]) => [...head, ...rest.flat()]);
    expect(await fuzzArgv(argv, 82, SPLIT.sweep)).toBeGreaterThan(SPLIT.sweep / 10);
  }, 120_000);

  it(`${SPLIT.plot} plot vectors (SVG only to stdout: never a file)`, async () => {
    const plotFlags: Record<string, fc.Arbitrary<string>> = {
      ...presetFlags,
      '--budget': fc.oneof(
        fc.constantFrom('1e22flops', '1e21flops,1e23flops', '1e21..1e24flops', '5000gpuh', '1e40flops', '1flops', '1e21flops,,1e22flops', 'x', '1e24flops..1e21flops', '1e21..1e21flops', '0.000277778gpuh'),
        fc.array(anyBudget, { minLength: 1, maxLength: 3 }).map((budgets) => budgets.join(',')),
        fc.tuple(anyBudget, anyBudget).map(([low, high]) => `${low}..${high}`),
      ),
      '--width': fc.constantFrom('80', '20', '1', '0', '-5', '300', '1e9', 'x', '40.5'),
      '--height': fc.constantFrom('16', '4', '1', '0', '-1', '200', '1e9', 'x'),
      '--svg': fc.constantFrom('-'),
    };
    const start = fc.constantFrom<string[]>(['plot', '--budget', '1e22flops'], ['plot', '--budget', '1e21..1e24flops', '--frontier'], ['plot', '--budget', '1e21flops,1e23flops', '--svg', '-'], ['plot']);
    const argv = fc.tuple(start, fc.array(tokensOf(plotFlags, ['--frontier', '--json', '--no-color']), { maxLength: 3 })).map(([head, rest]) => [...head, ...rest.flat()]);
    expect(await fuzzArgv(argv, 87, SPLIT.plot)).toBeGreaterThan(SPLIT.plot / 10);
  }, 120_000);

  it(`${SPLIT.check} check vectors: fixtures and junk paths`, async () => {
    const target = fc.oneof(file('@check/pass.json', '@check/plans.yaml', '@check/bad-tokens.yaml', '@presets/my-gpu.json', '~runs.csv', '~request.json'), junkFile);
    const extra = tokensOf({ '--format': fc.constantFrom('json', 'table', 'csv', '') }, ['--json', '--no-color', '--allow-override']);
    const argv = fc.tuple(target, fc.array(extra, { maxLength: 3 })).map(([path, rest]) => ['check', path, ...rest.flat()]);
    expect(await fuzzArgv(argv, 83, SPLIT.check, true)).toBeGreaterThan(0);
  }, 120_000);

  it(`${SPLIT.fit} fit vectors: small fixtures, rarely a real fit (each takes ~0.2 s)`, async () => {
    const runsFile = fc.oneof({ weight: 1, arbitrary: file('~runs.csv', '~runs.json', '~runs.ndjson') }, { weight: 6, arbitrary: fc.oneof(file('~junk.csv', '@check/pass.json', '~request.json'), junkFile) });
    const fitFlags: Record<string, fc.Arbitrary<string>> = {
      '--format': fc.constantFrom('table', 'json', 'ndjson', 'csv', ''),
      '--drop-top-loss': fc.constantFrom('0', '1', '2', '6', '-1', 'x', '1.5', '1e9'),
      '--delta': fc.constantFrom('1e-3', '0.1', '0', '-1', 'x', '1e400'),
      '--bootstrap': fc.constantFrom('2', '0', '-1', 'x', '1.5', '1e9'),
      '--seed': fc.constantFrom('0', '7', '-1', 'x', '1.5', '1e30'),
      '--budgets': fc.constantFrom('1e24flops', '1e22flops,10pfd', '', 'x', '1e40flops', '1flops', '5000gpuh', ',,'),
    };
    const argv = fc.tuple(runsFile, fc.array(tokensOf(fitFlags, ['--json', '--no-color']), { maxLength: 3 })).map(([path, rest]) => ['fit', path, ...rest.flat()]);
    await fuzzArgv(argv, 84, SPLIT.fit);
  }, 120_000);

  it(`${SPLIT.other} vectors of schema, completion, gpus, rules and top-level odds`, async () => {
    const argv = fc.oneof(
      fc.tuple(fc.constant('schema'), fc.constantFrom('plan', 'sweep', 'check', 'presets', 'fit', 'plot', 'check-file', 'x', '', '--list', '__proto__', 'toString')).map((args) => [...args]),
      fc.tuple(fc.constant('completion'), fc.constantFrom('bash', 'zsh', 'fish', 'powershell', '', '__proto__')).map((args) => [...args]),
      fc.tuple(fc.constantFrom('gpus', 'rules'), fc.subarray(['--json', '--no-color', '--allow-override', '--format', 'json'])).map(([command, rest]) => [command, ...rest]),
      fc.array(tokensOf({ '--bogus': fc.string({ maxLength: 6 }) }, ['--help', '-h', '-V', '--version', 'help', 'plan', 'gpus', 'plot']), { maxLength: 3 }).map((rest) => rest.flat()),
    );
    const withJunk = fc.tuple(argv, fc.option(fc.constantFrom('--json', '--help', '--bogus', 'extra', '--allow-override'), { nil: undefined })).map(([args, tail]) => (tail ? [...args, tail] : args));
    expect(await fuzzArgv(withJunk, 85, SPLIT.other)).toBeGreaterThan(SPLIT.other / 10);
  }, 120_000);
});
