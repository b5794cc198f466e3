import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { findAll, parseSvg, textOf } from '../helpers/svg.js';

// An IsoFLOP experiment in miniature: 3 budgets × 5 model sizes, the loss from Chinchilla's printed
// law (E 1.69, A 406.4, B 410.7, α 0.34, β 0.28) with no noise, D = C/(6N).
const dir = mkdtempSync(join(tmpdir(), 'llm-plan-fit-svg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const rows = [1e18, 1e19, 1e20].flatMap((flops) =>
  [0.25, 0.5, 1, 2, 4].map((factor) => {
    const params = factor * Math.sqrt(flops / 120); // around 20 tokens per parameter
    const tokens = flops / (6 * params);
    return `${params},${tokens},${1.69 + 406.4 / params ** 0.34 + 410.7 / tokens ** 0.28}`;
  }),
);
const runsFile = join(dir, 'runs.csv');
writeFileSync(runsFile, `params,tokens,loss\n${rows.join('\n')}\n`);

describe('llm-plan fit --svg', () => {
  it('prints the fit as usual and writes the runs against the fitted law', async () => {
    const svgFile = join(dir, 'fit.svg');
    const result = await runCli(['fit', runsFile, '--svg', svgFile]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('parameter');
    expect(result.stderr).toMatch(/^llm-plan: wrote .*fit\.svg \(\d+ bytes\)\n$/);
    const svg = parseSvg(readFileSync(svgFile, 'utf8'));
    const group = (name: string) => findAll(svg, 'g').find((node) => node['@_class'] === name);
    expect(findAll(group('markers'), 'path')).toHaveLength(15);
    // Three compute groups' curves and the compute-optimal line (dashed).
    const lines = findAll(group('lines'), 'path');
    expect(lines).toHaveLength(4);
    expect(lines.filter((line) => line['@_stroke-dasharray'] !== undefined)).toHaveLength(1);
    expect(findAll(svg, 'text').map(textOf)).toEqual(
      expect.arrayContaining(['C ≈ 1.0e18 FLOPs (5 runs)', 'C ≈ 1.0e19 FLOPs (5 runs)', 'C ≈ 1.0e20 FLOPs (5 runs)', 'fitted law at each C', 'compute-optimal N (fitted law)']),
    );
    // The fitted constants are written on the figure, as the fit table prints them.
    const subtitle = findAll(svg, 'text').filter((node) => node['@_class'] === 'subtitle').map(textOf);
    const table = Object.fromEntries([...result.stdout.matchAll(/^(E|A|B|α|β) +(\S+)/gm)].map((match) => [match[1], match[2]]));
    for (const name of ['E', 'A', 'B', 'α', 'β']) {
      const written = subtitle[0]?.match(new RegExp(`[(, ]${name} ([^,)]+)`))?.[1];
      expect(Number(written)).toBe(Number(table[name]));
    }
    expect(textOf(findAll(svg, 'desc')[0] ?? {})).toMatch(/^15 runs: /);
  });

  it('refuses --svg - (stdout carries the fit)', async () => {
    const result = await runCli(['fit', runsFile, '--svg', '-']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^llm-plan: error: fit --svg needs a file name/);
  });

  it('exits 2 naming the file when it cannot be written', async () => {
    const result = await runCli(['fit', runsFile, '--svg', join(dir, 'missing', 'fit.svg')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^llm-plan: error: cannot write .*fit\.svg: no such directory\nhint: /);
  });
});
