import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

// The V8 code cache (issue 16): bin/llm-plan.js hands V8 the compiled code the build stored in
// dist/v8-cache/ (scripts/build-code-cache.mjs). What must hold: every shipped file has a cache; the
// V8 that built it takes it; output is the same with and without it; a cache older than its file,
// or damaged, is not used and the command still works. Under another Node (CI's 22 and 24 runs) the
// cache is refused by V8 and everything compiles as usual.
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const builtFor = readFileSync(`${DIST}v8-cache/v8-version.txt`, 'utf8').trim();
const sameV8 = builtFor === process.versions.v8;

function run(bin: string, argv: readonly string[], cache: 'report' | 'off') {
  const result = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', cwd: ROOT, timeout: 20_000, env: { PATH: process.env.PATH ?? '', LLM_PLAN_CODE_CACHE: cache } });
  const report = new Map<string, string>();
  const stderr = result.stderr.replace(/^code-cache: (\S+) (\w+)\n/gm, (_, file: string, verdict: string) => (report.set(file, verdict), ''));
  return { code: result.status, stdout: result.stdout, stderr, report };
}

const COMMANDS: readonly (readonly string[])[] = [
  ['--budget', '5000gpuh', '--gpu', 'v100', '--json'],
  ['--budget', '5000gpuh', '--gpu', 'v100', '--rule', 'all'],
  ['--gpu', 'h100', '--gpus', '256', '--days', '21', '--start', '2026-01-05'],
  ['check', 'tests/fixtures/check/plans.yaml'],
  ['gpus'],
  ['sweep', '--budget', '1e21flops..1e23flops', '--steps', '3', '--format', 'ndjson'],
  ['--budget', 'lots'],
];

describe('V8 code cache (built CLI)', () => {
  it('every shipped CommonJS file has a cache, named after its path', () => {
    const shipped = ['llm-plan.cjs', ...readdirSync(`${DIST}chunks`).map((name) => `chunks__${name}`)];
    const cached = readdirSync(`${DIST}v8-cache`).filter((name) => name.endsWith('.bin')).map((name) => name.slice(0, -'.bin'.length));
    expect(new Set(cached)).toEqual(new Set(shipped));
  });

  it.each(COMMANDS.map((argv) => [argv]))('%j: the same output with the cache as without, exit code included', (argv) => {
    const cached = run(BIN, argv, 'report');
    const plain = run(BIN, argv, 'off');
    expect(cached.code).toBe(plain.code);
    expect(cached.stdout).toBe(plain.stdout);
    expect(cached.stderr).toBe(plain.stderr);
    expect(cached.report.size).toBeGreaterThan(0);
    expect(plain.report.size).toBe(0);
    // Under the V8 that built it, V8 takes every file's cache; under another, it refuses them all.
    for (const [file, verdict] of cached.report) expect(verdict, file).toBe(sameV8 ? 'accepted' : 'rejected');
  });

  describe('a copy of the package whose cache does not match its files', () => {
    const copy = mkdtempSync(join(tmpdir(), 'llm-plan-cache-'));
    cpSync(join(ROOT, 'bin'), join(copy, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true, filter: (source) => !source.includes(`${join('dist', 'types')}`) });
    cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
    afterAll(() => rmSync(copy, { recursive: true, force: true }));
    const bin = join(copy, 'bin', 'llm-plan.js');
    const argv = ['--budget', '5000gpuh', '--gpu', 'v100', '--json'];
    const expected = run(BIN, argv, 'off').stdout;

    it('a start-up file newer than its cache compiles as usual', () => {
      const later = new Date(Date.now() + 60_000);
      utimesSync(join(copy, 'dist', 'llm-plan.cjs'), later, later);
      const result = run(bin, argv, 'report');
      expect(result.report.get('llm-plan.cjs')).toBe('none');
      expect(result.stdout).toBe(expected);
      expect(result.code).toBe(0);
    });

    it('a damaged cache is refused by V8 and the command still works', () => {
      const cacheFile = join(copy, 'dist', 'v8-cache', 'llm-plan.cjs.bin');
      expect(existsSync(cacheFile)).toBe(true);
      writeFileSync(cacheFile, Buffer.alloc(4096, 0x5a));
      const later = new Date(Date.now() + 120_000);
      utimesSync(cacheFile, later, later);
      const result = run(bin, argv, 'report');
      expect(result.report.get('llm-plan.cjs')).toBe('rejected');
      expect(result.stdout).toBe(expected);
      expect(result.code).toBe(0);
    });
  });
});
