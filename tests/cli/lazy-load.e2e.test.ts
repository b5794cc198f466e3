import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, spawnCli } from '../helpers/cli.js';

// The bundle facts that make start-up fast (DESIGN §6, issue 16), checked on the built CLI:
// which shipped file holds which package (dist/cli-build.json, written by scripts/build-cli.mjs
// from esbuild's metafiles), and which files each command actually loads (traced in the process).
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const TRACE = fileURLToPath(new URL('../helpers/trace-loads.cjs', import.meta.url));
const facts = JSON.parse(readFileSync(`${DIST}cli-build.json`, 'utf8')) as { startup: string; files: Record<string, string[]>; sources: Record<string, string[]> };

/** The shipped files that hold code of `pkg`. */
const filesWith = (pkg: string): string[] => Object.keys(facts.files).filter((file) => facts.files[file]?.includes(pkg));

interface Trace {
  readonly files: string[];
  readonly esm: boolean;
  readonly packages: Set<string>;
}

function trace(argv: readonly string[], env: Record<string, string> = {}): Trace {
  const result = spawnSync(process.execPath, ['-r', TRACE, BIN, ...argv], { encoding: 'utf8', cwd: ROOT, timeout: 20_000, env: { PATH: process.env.PATH ?? '', ...env } });
  const match = /loaded=(.*)\n/.exec(result.stderr);
  if (!match?.[1] || (result.status !== 0 && result.status !== 1)) throw new Error(`trace failed (${result.status}): ${result.stderr}`);
  const { files, esm } = JSON.parse(match[1]) as { files: string[]; esm: boolean };
  const packages = new Set(files.flatMap((file) => facts.files[file] ?? ['?']));
  return { files, esm, packages };
}

describe('bundle facts (built CLI)', () => {
  it('every shipped file is CommonJS and listed in the facts; chunks are only .cjs files', () => {
    const chunks = readdirSync(`${DIST}chunks`).map((name) => `chunks/${name}`);
    expect(chunks.every((file) => file.endsWith('.cjs'))).toBe(true);
    expect(new Set(Object.keys(facts.files))).toEqual(new Set([facts.startup, ...chunks]));
    for (const file of Object.keys(facts.files)) {
      const text = readFileSync(`${DIST}${file}`, 'utf8');
      // No ESM syntax left for Node's ESM loader: no import statements, import() or import.meta.
      expect(text, file).not.toMatch(/\bimport\s*\(|\bimport\.meta\b|(^|[;}])\s*import\s*[{*\w]/);
    }
  });

  it('one copy of commander, in the start-up file; yaml, chalk and d3 each in one lazy chunk; zod only in lazy chunks; no cli-table3', () => {
    expect(filesWith('commander')).toEqual([facts.startup]);
    // zod: its core, its classic API (--input) and its mini API (user preset files, check configs) apart.
    expect(filesWith('zod')).not.toContain(facts.startup);
    for (const pkg of ['yaml', 'chalk', 'd3-scale', 'd3-shape']) {
      const files = filesWith(pkg);
      expect(files, pkg).toHaveLength(1);
      expect(files[0], pkg).not.toBe(facts.startup);
    }
    // The wrapped tables of gpus and rules are drawn by src/render/wrapped-grid.ts itself.
    for (const pkg of ['cli-table3', 'string-width', '@colors/colors']) expect(filesWith(pkg), pkg).toEqual([]);
  });

  it("zod is bundled by what is used: `import * as z`, never zod's whole `z` object (454 kB with every locale)", () => {
    const sources = readdirSync(fileURLToPath(new URL('../../src', import.meta.url)), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    const whole = sources.filter((file) => /import\s+(type\s+)?\{\s*z\s*\}\s+from\s+'zod'/.test(readFileSync(fileURLToPath(new URL(`../../src/${file}`, import.meta.url)), 'utf8')));
    expect(whole).toEqual([]);
    const [zodChunk = ''] = filesWith('zod');
    expect(statSync(`${DIST}${zodChunk}`).size).toBeLessThan(160_000);
  });

  it.each([
    ['plan table', ['--budget', '5000gpuh', '--gpu', 'v100']],
    ['gpus', ['gpus']],
    ['rules', ['rules']],
  ])('%s with colour (FORCE_COLOR=1) loads chalk, and only then', (_, argv) => {
    expect(trace(argv, { FORCE_COLOR: '1' }).packages.has('chalk')).toBe(true);
    expect(trace(argv).packages.has('chalk')).toBe(false);
  });

  it.each<[string, string[], Record<string, string>]>([
    ['a user preset file', ['--budget', '1e22flops', '--gpu', 'tests/fixtures/presets/my-gpu.json', '--json'], {}],
    ['a user preset directory', ['--budget', '1e22flops', '--gpu', 'my-accel', '--json'], { LLM_PLAN_PRESETS: 'tests/fixtures/presets' }],
  ])('%s is validated with zod mini, without the classic API or the classic preset schemas', (_, argv, env) => {
    const sources = new Set(trace(argv, env).files.flatMap((file) => facts.sources[file] ?? []));
    expect(sources.has('src/presets/user-preset-schemas.ts')).toBe(true);
    expect(sources.has('node_modules/zod/v4/mini/schemas.js')).toBe(true);
    expect(sources.has('node_modules/zod/v4/classic/schemas.js')).toBe(false);
    expect(sources.has('src/domain/presets.ts')).toBe(false);
  });

  it.each([
    ['JSON', 'tests/fixtures/check/pass.json'],
    ['YAML', 'tests/fixtures/check/plans.yaml'],
  ])('check of a %s file without gpu+gpus validates with zod mini, without the classic API nor the cluster model', (_, file) => {
    const sources = new Set(trace(['check', file, '--json']).files.flatMap((name) => facts.sources[name] ?? []));
    expect(sources.has('src/domain/schemas/check-file-mini.ts')).toBe(true);
    expect(sources.has('node_modules/zod/v4/mini/schemas.js')).toBe(true);
    for (const source of ['node_modules/zod/v4/classic/schemas.js', 'src/domain/schemas/check-file.ts', 'src/request/cluster-model.ts', 'src/core/cluster/plan-cluster.ts', 'src/core/cluster/memory.ts', 'src/request/architecture.ts', 'src/presets/real-models.ts']) {
      expect(sources.has(source), source).toBe(false);
    }
  });

  it('check of a config with gpu and gpus loads the cluster model (the layout search), still without the classic zod API', () => {
    const sources = new Set(trace(['check', 'tests/fixtures/check/cluster.yaml', '--json']).files.flatMap((name) => facts.sources[name] ?? []));
    for (const source of ['src/request/cluster-model.ts', 'src/core/cluster/plan-cluster.ts', 'src/core/cluster/memory.ts']) expect(sources.has(source), source).toBe(true);
    expect(sources.has('node_modules/zod/v4/classic/schemas.js')).toBe(false);
  });

  it('the cluster model (layout search, memory, architectures, real runs) is in lazy chunks only: the start-up file holds only its flag choices and the hardware record it is handed', () => {
    const inStartup = facts.sources[facts.startup] ?? [];
    expect(inStartup).toContain('src/request/plan.ts');
    expect(inStartup.filter((source) => source.startsWith('src/core/cluster/')).sort()).toEqual(['src/core/cluster/choices.ts', 'src/core/cluster/cluster-hardware.ts']);
    for (const source of ['src/request/cluster-model.ts', 'src/request/architecture.ts', 'src/presets/real-models.ts']) expect(inStartup, source).not.toContain(source);
  });

  it.each([
    ['--gpus', ['--budget', '50000gpuh', '--gpu', 'a100', '--gpus', '256', '--json']],
    ['--days', ['--budget', '50000gpuh', '--gpu', 'a100', '--days', '14', '--json']],
    ['--arch', ['--params', '7e9', '--gpu', 'h100', '--arch', 'llama-2-7b', '--json']],
    ['--layout', ['--budget', '50000gpuh', '--gpu', 'a100', '--gpus', '64', '--layout', 'tp=8', '--json']],
    ['--model', ['--model', 'gopher', '--json']],
  ])('a plan with %s loads the cluster model', (_, argv) => {
    const loaded = trace(argv);
    const sources = new Set(loaded.files.flatMap((file) => facts.sources[file] ?? []));
    expect(sources.has('src/request/cluster-model.ts')).toBe(true);
  });

  it.each([
    ['plan --json', ['--budget', '5000gpuh', '--gpu', 'v100', '--json']],
    ['--help', ['--help']],
    ['plan --format ndjson', ['--budget', '1e22flops', '--format', 'ndjson']],
  ])('%s loads the start-up file alone', (_, argv) => {
    const loaded = trace(argv);
    expect(loaded.files).toEqual([facts.startup]);
    expect(loaded.esm).toBe(false);
  });

  // [argv, packages that must load, packages that must not]; stdout is a pipe, so no colour (and no chalk).
  it.each([
    [['--budget', '5000gpuh', '--gpu', 'v100'], [], ['chalk', 'zod', 'yaml', 'd3-scale']],
    [['--budget', '1e22flops', '--gpu', 'tests/fixtures/presets/my-gpu.json', '--json'], ['zod'], ['yaml', 'chalk', 'd3-scale']],
    [['check', 'tests/fixtures/check/pass.json', '--json'], ['zod'], ['yaml', 'chalk', 'd3-scale', 'cli-table3']],
    [['check', 'tests/fixtures/check/plans.yaml', '--json'], ['zod', 'yaml'], ['chalk', 'd3-scale', 'cli-table3']],
    [['schema', 'plan'], [], ['zod', 'yaml', 'chalk', 'd3-scale', 'cli-table3']],
    [['gpus', '--json'], [], ['zod', 'yaml', 'chalk', 'd3-scale', 'cli-table3']],
    [['gpus'], [], ['zod', 'yaml', 'chalk', 'd3-scale']],
    [['rules'], [], ['chalk', 'zod', 'yaml', 'd3-scale']],
    [['sweep', '--budget', '1e21flops..1e23flops', '--steps', '3', '--format', 'ndjson'], [], ['zod', 'yaml', 'chalk', 'd3-scale', 'cli-table3']],
    [['plot', '--budget', '1e21flops'], [], ['chalk', 'zod', 'yaml', 'd3-scale', 'cli-table3']],
    [['fit', '--help'], [], ['zod', 'yaml', 'd3-scale', 'cli-table3']],
  ])('%j loads %j and not %j, nothing through the ESM loader, each file once', (argv, loads, avoids) => {
    const loaded = trace(argv);
    expect(loaded.files[0]).toBe(facts.startup);
    expect(loaded.esm).toBe(false);
    expect(new Set(loaded.files).size).toBe(loaded.files.length);
    expect(loaded.packages.has('?')).toBe(false);
    for (const pkg of loads) expect(loaded.packages.has(pkg), `loads ${pkg}`).toBe(true);
    for (const pkg of avoids) expect(loaded.packages.has(pkg), `avoids ${pkg}`).toBe(false);
    // The one commander is the start-up file's: no command loads another file holding it.
    expect(loaded.files.filter((file) => facts.files[file]?.includes('commander'))).toEqual([facts.startup]);
  });

  it('completion reads a precomputed outline: no command module, no zod, no JSON Schemas', () => {
    for (const argv of [['completion', 'bash'], ['completion', '--json']]) {
      const loaded = trace(argv);
      const sources = loaded.files.flatMap((file) => facts.sources[file] ?? []);
      const commandModules = sources.filter((source) => source.startsWith('src/cli/commands/') && !/(plan|registry|summaries|constraint-flags|shared-options|completion)\.ts$/.test(source));
      expect(commandModules, argv.join(' ')).toEqual([]);
      expect(sources, argv.join(' ')).not.toContain('src/domain/schemas/json-schema.ts');
      expect(loaded.packages.has('zod'), argv.join(' ')).toBe(false);
    }
  });

  it.each([['bash'], ['zsh'], ['fish'], ['--json']])('the built `completion %s` prints exactly what the source path (every command registered) prints', async (shell) => {
    for (const env of [{}, { LLM_PLAN_PRESETS: 'tests/fixtures/presets' }]) {
      const built = spawnSync(process.execPath, [BIN, 'completion', shell], { encoding: 'utf8', cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
      expect(built.status).toBe(0);
      const source = await runCli(['completion', shell], { env: { ...env, LLM_PLAN_PRESETS: env.LLM_PLAN_PRESETS ? `${ROOT}/${env.LLM_PLAN_PRESETS}` : undefined } });
      expect(source.code).toBe(0);
      expect(built.stdout).toBe(source.stdout);
    }
  });

  it('the built CLI prints, without zod, exactly the JSON Schemas the zod path generates, and the same error for an unknown name', async () => {
    const names = (await runCli(['schema', '--list'])).stdout.trim().split('\n');
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      const built = spawnCli(['schema', name]);
      expect(built.code, name).toBe(0);
      expect(built.stdout, name).toBe((await runCli(['schema', name])).stdout);
    }
    const unknown = spawnCli(['schema', 'plna']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe((await runCli(['schema', 'plna'])).stderr);
  });
});
