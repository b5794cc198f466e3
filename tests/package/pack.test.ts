import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/**
 * The package as a user gets it: packed (`npm pack`, from the `dist/` that `npm test` built), installed
 * from the tarball into a fresh project, a consumer type-checked under --strict with two module
 * resolutions, then run. One temporary project serves every case. The install is offline: the
 * project's lockfile pins llm-plan's run-time dependencies to the entries of this repository's own
 * lockfile, whose tarballs `npm ci` left in the npm cache.
 */
const node = process.execPath;
const bin = (name: string): string => join(ROOT, 'node_modules', name);
const TSC = bin('typescript/bin/tsc');

/** The README's library example, exactly as printed there. */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Use it as a library'));
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error('README: no ts example under "Use it as a library"');
  return code;
}

// Types must be real: each line below is a type error only if the package's types are (not `any`).
const TYPED = `import { plan, sweep, catalog, PlanError, type PlanDocument, type PlanRequest } from 'llm-plan';
const request: PlanRequest = { budget: '5000gpuh', gpu: 'v100' };
const doc: PlanDocument = plan(request);
const flops: number = doc.compute.flops;
const ids: string[] = catalog().accelerators.map((gpu) => gpu.id);
const rows: number = sweep({ budget: '1e21flops..1e23flops', steps: 3 }).rows.length;
// @ts-expect-error: not a field of a plan request
plan({ budgett: '5000gpuh' });
// @ts-expect-error: params is a number or a string
plan({ params: true });
// @ts-expect-error: a plan's params are a number
const wrong: string = doc.plans[0]!.params;
const code: 'bad-input' | 'unknown-id' | 'invalid-file' | 'internal' = new PlanError('bad-input', 'x').code;
console.log(JSON.stringify({ flops, ids: ids.length, rows, code, wrong }));
`;

interface LockEntry {
  readonly version?: string;
  readonly dev?: boolean;
  readonly devOptional?: boolean;
  readonly dependencies?: Record<string, string>;
}

/** A lockfile for a project that depends on the packed tarball: llm-plan plus this repository's run-time packages. */
function consumerLock(dependency: Record<string, string>): object {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const runtime = Object.entries(lock.packages).filter(([path, entry]) => path !== '' && !entry.dev && !entry.devOptional);
  const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string>; bin: Record<string, string>; engines: object };
  return {
    name: 'consumer',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'consumer', dependencies: dependency },
      'node_modules/llm-plan': { version: own.version, resolved: dependency['llm-plan'], license: 'MIT', dependencies: own.dependencies, bin: own.bin, engines: own.engines },
      ...Object.fromEntries(runtime),
    },
  };
}

let project = '';
let tarball = '';

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'llm-plan-pack-'));
  const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', project], { cwd: ROOT, encoding: 'utf8' });
  tarball = join(project, (JSON.parse(packed) as Array<{ filename: string }>)[0]?.filename ?? '');
  const app = join(project, 'app');
  mkdirSync(app);
  const dependency = { 'llm-plan': `file:../${basename(tarball)}` };
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: dependency }));
  writeFileSync(join(app, 'package-lock.json'), JSON.stringify(consumerLock(dependency)));
  execFileSync('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: app, encoding: 'utf8', stdio: 'pipe' });
  writeFileSync(join(app, 'readme-example.ts'), readmeExample());
  writeFileSync(join(app, 'typed.ts'), TYPED);
}, 120_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

const app = (): string => join(project, 'app');
const tsc = (args: string[]): string => {
  try {
    return execFileSync(node, [TSC, ...args], { cwd: app(), encoding: 'utf8' });
  } catch (error) {
    throw new Error(`tsc ${args.join(' ')}\n${(error as { stdout?: string }).stdout ?? ''}`);
  }
};
// skipLibCheck: zod's own declarations take tsc most of a minute to check. Ours are still exercised:
// a declaration that failed to resolve would turn a type into \`any\`, and typed.ts's @ts-expect-error lines fail on \`any\`.
const strict = ['--strict', '--target', 'es2022', '--lib', 'es2022,dom', '--skipLibCheck'];

describe('the packed package', () => {
  it('ships bin/, dist/ (with the type declarations) and package.json, README.md, nothing else', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((entry) => entry.replace(/^package\//, ''));
    expect(files.filter((file) => !/^(bin|dist)\//.test(file)).sort()).toEqual(['README.md', 'package.json']);
    expect(files).toContain('dist/types/index.d.ts');
    expect(files).toContain('dist/index.js');
  });

  it.each([
    ['nodenext', ['--module', 'nodenext', '--moduleResolution', 'nodenext', '--outDir', 'out']],
    ['bundler', ['--module', 'esnext', '--moduleResolution', 'bundler', '--noEmit']],
  ])('type-checks a consumer under --strict with moduleResolution %s', (_name, resolution) => {
    expect(tsc([...strict, ...resolution, 'readme-example.ts', 'typed.ts'])).toBe('');
  });

  it("runs the README's example (compiled under nodenext above), which prints what the law says", () => {
    const stdout = execFileSync(node, [join(app(), 'out/readme-example.js')], { encoding: 'utf8' });
    // 5000 V100-hours: C = 5000 × 3600 × 125e12 × 0.40 = 9e20 FLOPs; Chinchilla's 20 tokens per parameter
    // gives N = sqrt(C/120), D = 20N; loss under Hoffmann et al.'s E + A/N^α + B/D^β (App. D.2 constants).
    const params = Math.sqrt(9e20 / 120);
    const tokens = 20 * params;
    const loss = 1.69 + 406.4 / params ** 0.34 + 410.7 / tokens ** 0.28;
    // check: 6·N·D = 6 × 70e9 × 100e9 = 4.2e22 FLOPs; 100B / 70B = 1.43 tokens per parameter, far below
    // the deepmind optimum's 20, so the config fails as off-optimum.
    expect(stdout).toBe(
      `deepmind: ${params.toPrecision(3)} parameters on ${tokens.toPrecision(3)} tokens, loss ${loss.toFixed(3)}\nfalse ${String(6 * 70e9 * 100e9)} off-optimum\nbad-input the budget '5000' has no unit\n`,
    );
  });

  it('the installed bin prints the same document as the installed library', () => {
    const cli = execFileSync(node, [join(app(), 'node_modules/llm-plan/bin/llm-plan.js'), '--budget', '5000gpuh', '--gpu', 'v100', '--json'], { encoding: 'utf8' });
    const library = execFileSync(node, ['--input-type=module', '-e', "import { plan } from 'llm-plan'; console.log(JSON.stringify(plan({ budget: '5000gpuh', gpu: 'v100' })));"], {
      cwd: app(),
      encoding: 'utf8',
    });
    expect(JSON.parse(library)).toEqual(JSON.parse(cli));
  });

  it('arethetypeswrong finds no problem (ESM only: CommonJS resolutions are not offered)', () => {
    // `npm run attw` is `attw --profile esm-only`; it exits 1 on any problem.
    expect(() => execFileSync('npm', ['run', '--silent', 'attw', '--', tarball, '--format', 'ascii'], { cwd: ROOT, encoding: 'utf8' })).not.toThrow();
  });
});
