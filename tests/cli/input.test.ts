import { afterAll, describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.js';
import { createTempFiles, runCliWithStdin } from '../helpers/run-with-stdin.js';

const files = createTempFiles({
  'request.json': '{"budget": "5000gpuh", "gpu": "v100", "rule": "openai", "mfu": 0.5}',
});
afterAll(() => files.remove());

const plan = (stdout: string) => JSON.parse(stdout);

describe('--input', () => {
  // C = 5000 h × 3600 s × 125e12 FLOP/s × 0.40 = 9.0e20 (at MFU 0.5: 1.125e21).
  it('reads a plan request from stdin', async () => {
    const result = await runCliWithStdin(['--input', '-', '--json'], '{"budget":"5000gpuh","gpu":"v100"}');
    expect(result.code).toBe(0);
    expect(plan(result.stdout).compute.flops).toBe(9e20);
    expect(plan(result.stdout).input).toMatchObject({ budget: '5000gpuh', gpu: 'v100', rule: 'deepmind' });
  });

  it('reads a file, numbers included, and flags override it', async () => {
    const fromFile = plan((await runCli(['--input', files.path('request.json'), '--json'])).stdout);
    expect(fromFile.compute.flops).toBe(1.125e21);
    expect(fromFile.input).toMatchObject({ rule: 'openai', mfu: 0.5 });
    const overridden = plan((await runCli(['--input', files.path('request.json'), '--mfu', '0.4', '--rule', 'deepmind', '--json'])).stdout);
    expect(overridden.compute.flops).toBe(9e20);
    expect(overridden.plans[0].rule).toBe('deepmind');
  });

  it("takes a plan's own input echo back (null = not given)", async () => {
    const first = plan((await runCli(['--budget', '1e22flops', '--json'])).stdout);
    const again = await runCliWithStdin(['--input', '-', '--json'], JSON.stringify(first.input));
    expect(again.code).toBe(0);
    expect(plan(again.stdout)).toEqual(first);
  });

  it.each([
    ['{"budget": "1e22flops", "gpy": "h100"}', /stdin: unknown field 'gpy' \(did you mean 'gpu'\?\)/],
    ['{"budget": "1e22flops", "json": true}', /stdin: unknown field 'json'/],
    ['{"__proto__": {"budget": "1e22flops"}}', /stdin: unknown field '__proto__'/],
    ['{"budget": ["1e22flops"]}', /stdin: budget: expected string, got array/],
    ['{"budget": "1e22flops", "allowOverride": "yes"}', /stdin: allowOverride: expected boolean, got string/],
    ['[1, 2]', /stdin: expected a JSON object of plan fields/],
    ['{"budget": ', /stdin: not valid JSON/],
    ['{"gpu": "v100"}', /nothing to plan/],
  ])('exits 2 for %s', async (text, message) => {
    const result = await runCliWithStdin(['--input', '-', '--json'], text);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('works from the built bin with a pipe', () => {
    const result = spawnCli(['--input', '-', '--json'], { input: '{"budget":"5000gpuh","gpu":"v100"}' });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).compute.flops).toBe(9e20);
  });
});
