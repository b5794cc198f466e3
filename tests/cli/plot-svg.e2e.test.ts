import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/cli.js';
import { findAll, parseSvg, textOf, type XmlNode } from '../helpers/svg.js';

const dir = mkdtempSync(join(tmpdir(), 'llm-plan-svg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the built bin with --svg into the temp dir and returns the file's text. */
function writeSvg(name: string, argv: readonly string[]): string {
  const file = join(dir, name);
  const result = spawnCli(['plot', ...argv, '--svg', file]);
  expect(result.code).toBe(0);
  expect(result.stdout).toBe('');
  expect(result.stderr).toBe(`llm-plan: wrote ${file} (${Buffer.byteLength(readFileSync(file))} bytes)\n`);
  return readFileSync(file, 'utf8');
}

/** The `<g class="…">` group of the figure. */
function group(svg: XmlNode, className: string): XmlNode {
  const found = findAll(svg, 'g').find((node) => node['@_class'] === className);
  if (!found) throw new Error(`no <g class="${className}">`);
  return found;
}

/** What every figure must be: standalone, accessible, no scripts or outside resources. */
function expectStandaloneAccessible(text: string): XmlNode {
  const tree = parseSvg(text);
  const [svg] = findAll(tree, 'svg');
  if (!svg) throw new Error('no <svg> root');
  expect(svg['@_xmlns']).toBe('http://www.w3.org/2000/svg');
  expect(svg['@_role']).toBe('img');
  expect(svg['@_font-family']).toBe('sans-serif');
  const [title] = findAll(svg, 'title');
  const [desc] = findAll(svg, 'desc');
  expect(String(svg['@_aria-labelledby']).split(' ')).toEqual([title?.['@_id'], desc?.['@_id']]);
  expect(textOf(title ?? {})).not.toBe('');
  expect(textOf(desc ?? {}).length).toBeGreaterThan(40);
  for (const forbidden of ['<script', 'href', '@import', 'url(', '@font-face', 'NaN', 'Infinity']) expect(text).not.toContain(forbidden);
  return svg;
}

describe('llm-plan plot --svg (built bin), checked as XML', () => {
  it('writes the IsoFLOP figure: title with budget and hardware, axis titles with units, a curve, three rule markers, a legend with N, D, loss', () => {
    const svg = expectStandaloneAccessible(writeSvg('valley.svg', ['--budget', '5000gpuh', '--gpu', 'v100']));
    const texts = findAll(svg, 'text').map(textOf);
    expect(texts).toContain('parameters N (log scale)');
    expect(texts).toContain('loss (nats/token, besiroglu2024)');
    expect(texts[0]).toBe('IsoFLOP curves at 5000gpuh: loss against model size');
    // The plan's own hardware line (5000 GPU-hours × 125 TFLOP/s × 0.40 × 3600 s = 9.00e20 FLOPs).
    expect(texts[1]).toBe('9.00e20 FLOPs along 6·N·D = C · NVIDIA V100 SXM2 32GB · fp16 · 125 TFLOP/s peak × MFU 0.40');
    // deepmind: N = 70e9·(9e20/5.88e23)^0.5 = 2.74B, D = C/(6N) = 54.8B (README's first table); loss under besiroglu2024.
    expect(texts).toEqual(expect.arrayContaining(['1B', '10B', '5000gpuh = 9.00e20 FLOPs', 'deepmind  N 2.74B · D 54.8B · loss 2.315']));
    expect(texts.filter((text) => /^(openai|deepmind|optimal) +N [\d.]+[MBT] · D [\d.]+[MBT] · loss \d\.\d{3}$/.test(text))).toHaveLength(3);
    expect(findAll(group(svg, 'lines'), 'path')).toHaveLength(1);
    const markers = findAll(group(svg, 'markers'), 'path');
    expect(markers).toHaveLength(3);
    expect(markers.map((marker) => textOf(findAll(marker, 'title')[0] ?? {}))).toEqual([
      expect.stringMatching(/^openai at 5000gpuh: /),
      expect.stringMatching(/^deepmind at 5000gpuh: N 2\.74B · D 54\.8B · loss 2\.315$/),
      expect.stringMatching(/^optimal at 5000gpuh: /),
    ]);
    // deepmind (2.74B) and optimal (2.63B) plan nearly the same point: no marker may cover another.
    const centres = markers.map((marker) => String(marker['@_transform']).match(/translate\(([\d.]+) ([\d.]+)\)/)?.slice(1).map(Number) ?? []);
    for (const [i, a] of centres.entries()) {
      for (const b of centres.slice(i + 1)) expect(Math.hypot((a[0] ?? 0) - (b[0] ?? 0), (a[1] ?? 0) - (b[1] ?? 0))).toBeGreaterThanOrEqual(13);
    }
    // The one moved is tied to its true place.
    expect(findAll(group(svg, 'marker-leaders'), 'line').length).toBeGreaterThanOrEqual(1);
  });

  it('draws one curve per budget', () => {
    const svg = expectStandaloneAccessible(writeSvg('three.svg', ['--budget', '1e21flops,1e22flops,1e23flops']));
    expect(findAll(group(svg, 'lines'), 'path')).toHaveLength(3);
    expect(findAll(group(svg, 'markers'), 'path')).toHaveLength(9);
  });

  it('writes the frontier as two panels, N above and D below, each rule one colour, ticks labelled over the whole range', () => {
    const svg = expectStandaloneAccessible(writeSvg('frontier.svg', ['--budget', '1e21flops..1e25flops', '--frontier']));
    const panels = findAll(svg, 'g').filter((node) => node['@_class'] === 'lines');
    expect(panels).toHaveLength(2);
    for (const panel of panels) {
      const paths = findAll(panel, 'path');
      expect(paths).toHaveLength(3);
      expect(paths.filter((path) => path['@_stroke-dasharray'] !== undefined)).toHaveLength(0);
    }
    expect(findAll(panels[0], 'path').map((path) => path['@_stroke'])).toEqual(findAll(panels[1], 'path').map((path) => path['@_stroke']));
    const texts = findAll(svg, 'text').map(textOf);
    expect(texts).toEqual(expect.arrayContaining(['training compute C (FLOPs, log scale)', '1e21', '1e25', 'Parameters N', 'Tokens D']));
    // openai reaches N = 1.3e9·(1e25/8.64e19)^log10(5.5) = 7.29T at 1e25 FLOPs (README rule table): the N axis
    // must label a tick at or above it, not stop at 1T as it did.
    const yAxes = findAll(svg, 'g').filter((node) => node['@_class'] === 'axis y-axis');
    expect(yAxes).toHaveLength(2);
    const labels = (axis: XmlNode): string[] => findAll(axis, 'text').map(textOf);
    expect(labels(yAxes[0] ?? {})).toContain('10T');
    // deepmind's D reaches 5.77T (= 1e25/(6·289B)): the D axis labels a tick within a factor of 5 of it.
    const scale: Record<string, number> = { M: 1e6, B: 1e9, T: 1e12 };
    const values = labels(yAxes[1] ?? {}).filter((label) => /^[\d.]+[MBT]$/.test(label)).map((label) => Number(label.slice(0, -1)) * (scale[label.slice(-1)] ?? Number.NaN));
    expect(Math.max(...values)).toBeGreaterThanOrEqual(5.77e12 / 5);
  });
});
