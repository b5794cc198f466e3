import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const BUNDLE = fileURLToPath(new URL('../../dist/llm-plan.js', import.meta.url));

// Runs the built bundle with argv and reports whether zod was evaluated: zod 4 defines
// globalThis.__zod_globalRegistry when its core module runs (DESIGN §6: the plain JSON path must not).
const PROBE = `
const [bundle, ...args] = process.argv.slice(1);
process.argv = [process.argv[0], bundle, ...args];
process.on('exit', () => process.stderr.write('zod-loaded=' + ('__zod_globalRegistry' in globalThis) + '\\n'));
await import(bundle);
`;

function zodLoaded(argv: readonly string[]): boolean {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', PROBE, BUNDLE, ...argv], { encoding: 'utf8', cwd: ROOT, timeout: 20_000 });
  const match = /zod-loaded=(true|false)/.exec(result.stderr);
  if (!match) throw new Error(`probe failed: ${result.stderr}`);
  return match[1] === 'true';
}

describe('start-up: zod is loaded only where a user file or a schema needs it (built bundle)', () => {
  it.each([
    [['--budget', '5000gpuh', '--gpu', 'v100', '--json'], false],
    [['--budget', '1e22flops', '--format', 'csv'], false],
    [['--budget', '1e22flops', '--gpu', 'tests/fixtures/presets/my-gpu.json', '--json'], true],
    [['schema', 'plan'], true],
  ])('%j → zod loaded: %s', (argv, expected) => {
    expect(zodLoaded(argv)).toBe(expected);
  });
});
