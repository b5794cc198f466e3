import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { relativeError, runCli } from '../helpers/cli.js';

// Hand values (issue 2's reference case and DESIGN §3):
//   5000 GPU-hours on a V100 at MFU 0.40: C = 5000 × 3600 × 125e12 × 0.40 = 9.0e20 FLOPs
//   deepmind: N = 70e9 · (9e20/5.88e23)^0.5 = 2.7386e9, D = C/(6N) = 5.4772e10
//   scored by besiroglu2024 (shared when rules are compared): 1.8172 + 482.01/N^0.3478 + 2085.43/D^0.3658 = 2.3148
//   at 1e21 FLOPs deepmind's N = 70e9 · (1e21/5.88e23)^0.5 = 70e9 · 0.041239 = 2.8868e9
const V100 = ['--budget', '5000gpuh', '--gpu', 'v100'];
const dir = mkdtempSync(join(tmpdir(), 'llm-plan-plot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('llm-plan plot (IsoFLOP)', () => {
  it('draws the valley to stdout with every rule marked and listed, nothing on stderr', async () => {
    const result = await runCli(['plot', ...V100, '--width', '60']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('loss (nats/token, besiroglu2024)');
    expect(result.stdout).toContain('parameters N (log scale)');
    expect(result.stdout).toMatch(/^5000gpuh = 9\.00e20 FLOPs$/m);
    expect(result.stdout).toMatch(/D deepmind\s+N\s+2\.74B\s+D\s+54\.8B\s+loss 2\.315/);
    expect(result.stdout).toMatch(/O openai /);
    expect(result.stdout).toMatch(/P optimal /);
    const axis = result.stdout.split('\n').find((line) => line.includes('└'));
    expect([...(axis ?? '')]).toHaveLength(60);
    expect(result.stdout).not.toContain('\u001b[');
  });

  it.each([
    [{ columns: 100 }, 100],
    [{}, 80],
  ])('takes its width from the terminal (%j → %d columns)', async (options, width) => {
    const result = await runCli(['plot', ...V100], options);
    const axis = result.stdout.split('\n').find((line) => line.includes('└'));
    expect([...(axis ?? '')]).toHaveLength(width);
  });

  it('uses colour only where the shared decision allows it', async () => {
    expect((await runCli(['plot', ...V100], { env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[');
    expect((await runCli(['plot', ...V100, '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await runCli(['plot', ...V100], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });

  it('prints the plot data as llm-plan/plot@1 with --json', async () => {
    const result = await runCli(['plot', ...V100, '--json']);
    expect(result.code).toBe(0);
    const plot = JSON.parse(result.stdout);
    expect(plot.schema).toBe('llm-plan/plot@1');
    expect(plot.kind).toBe('isoflop');
    expect(plot.input).toMatchObject({ budget: '5000gpuh', gpu: 'v100', rule: 'all', frontier: false });
    expect(plot.lossModel).toBe('besiroglu2024');
    expect(plot.curves).toHaveLength(1);
    expect(relativeError(plot.curves[0].flops, 9.0e20)).toBeLessThan(1e-12);
    const deepmind = plot.markers.find((marker: { rule: string }) => marker.rule === 'deepmind');
    expect(relativeError(deepmind.params, 2.7386e9)).toBeLessThan(1e-4);
    expect(relativeError(deepmind.tokens, 5.4772e10)).toBeLessThan(1e-4);
    expect(relativeError(deepmind.loss, 2.3148)).toBeLessThan(1e-4);
    expect(plot.notes.length).toBeGreaterThan(0);
  });

  it('draws one numbered curve per budget in a comma-separated list', async () => {
    const argv = ['plot', '--budget', '1e21flops,1e22flops,1e23flops'];
    const data = JSON.parse((await runCli([...argv, '--json'])).stdout);
    expect(data.curves.map((curve: { flops: number }) => curve.flops)).toEqual([1e21, 1e22, 1e23]);
    expect(data.markers).toHaveLength(9);
    const text = (await runCli(argv)).stdout;
    expect(text).toMatch(/^1 1e21flops = 1\.00e21 FLOPs$/m);
    expect(text).toMatch(/^3 1e23flops = 1\.00e23 FLOPs$/m);
  });

  it('marks one rule, scored by its own loss model, with --rule', async () => {
    const data = JSON.parse((await runCli(['plot', ...V100, '--rule', 'deepmind', '--json'])).stdout);
    expect(data.markers.map((marker: { rule: string }) => marker.rule)).toEqual(['deepmind']);
    expect(data.lossModel).toBe('hoffmann2022');
  });
});

describe('llm-plan plot with the plan flags', () => {
  it('re-anchors the rules at --baseline, as the plan does', async () => {
    // deepmind through (N, C) = (1e9, 6·1e9·2e10 = 1.2e20) with a = 0.5: at 1e22, N = 1e9·(1e22/1.2e20)^0.5 = 9.1287e9
    const data = JSON.parse((await runCli(['plot', '--budget', '1e22flops', '--rule', 'deepmind', '--baseline', '1e9:2e10', '--json'])).stdout);
    expect(relativeError(data.markers[0].params, 9.1287e9)).toBeLessThan(1e-4);
    expect(data.input.baseline).toBe('1e9:2e10');
  });

  it('refuses --loss all: a figure draws one loss model', async () => {
    const result = await runCli(['plot', '--budget', '1e22flops', '--loss', 'all']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^llm-plan: error: a plot draws the curves of one loss model\nhint: /);
  });
});

describe('llm-plan plot --frontier', () => {
  it('plots N and D against compute for every rule over the range', async () => {
    const result = await runCli(['plot', '--budget', '1e21flops..1e25flops', '--frontier', '--json']);
    expect(result.code).toBe(0);
    const plot = JSON.parse(result.stdout);
    expect(plot.kind).toBe('frontier');
    expect(plot.series.map((series: { rule: string }) => series.rule)).toEqual(['openai', 'deepmind', 'optimal']);
    const deepmind = plot.series[1];
    expect(deepmind.points).toHaveLength(25);
    expect(deepmind.points[0].flops).toBe(1e21);
    expect(deepmind.points[24].flops).toBe(1e25);
    expect(relativeError(deepmind.points[0].params, 2.8868e9)).toBeLessThan(1e-4);
  });

  it('draws two panels in the terminal', async () => {
    const result = await runCli(['plot', '--budget', '1e21..1e25flops', '--frontier']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('parameters N (log scale)');
    expect(result.stdout).toContain('tokens D (log scale)');
    expect(result.stdout.match(/training compute C \(FLOPs, log scale\)/g)).toHaveLength(2);
  });
});

describe('llm-plan plot --svg', () => {
  it('writes the file, says so on stderr and prints nothing on stdout', async () => {
    const file = join(dir, 'plan.svg');
    const result = await runCli(['plot', ...V100, '--svg', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^llm-plan: wrote .*plan\.svg \(\d+ bytes\)\n$/);
    expect(readFileSync(file, 'utf8')).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it('writes the SVG to stdout for --svg -', async () => {
    const result = await runCli(['plot', ...V100, '--svg', '-']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/<\/svg>\n$/);
    expect(result.stderr).toBe('');
  });

  it('exits 2 naming the file when it cannot be written', async () => {
    const result = await runCli(['plot', ...V100, '--svg', join(dir, 'missing', 'plan.svg')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^llm-plan: error: cannot write .*plan\.svg: no such directory\nhint: /);
  });
});

describe('llm-plan plot: bad input exits 2 with one error and a hint', () => {
  it.each([
    [['plot'], /--budget is missing/],
    [['plot', '--budget', '1e21flops..1e23flops'], /is a range/],
    [['plot', '--budget', '1e21flops', '--frontier'], /--frontier needs a range/],
    [['plot', '--budget', '1e21flops,,1e22flops'], /empty entry/],
    [['plot', '--budget', '1e21flops', '--width', '10'], /--width must be a whole number from 40/],
    [['plot', '--budget', '1e21flops', '--height', 'tall'], /--height must be a whole number/],
    [['plot', '--budget', '5000gpuh'], /needs --gpu/],
    [['plot', '--budget', '1e21flops', '--rule', 'chinchila'], /unknown rule 'chinchila' \(did you mean 'chinchilla'\?\)/],
  ])('%j', async (argv, message) => {
    const result = await runCli(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/^llm-plan: error: .*\nhint: .*\n$/);
  });
});

describe('options after a command belong to it', () => {
  it('gpus --json prints JSON (the root program no longer swallows the flag)', async () => {
    const result = await runCli(['gpus', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).schema).toBe('llm-plan/presets@1');
  });
});
