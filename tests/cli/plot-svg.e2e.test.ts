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
  it('writes the IsoFLOP figure: title, axis titles with units, a curve, three rule markers, a legend', () => {
    const svg = expectStandaloneAccessible(writeSvg('valley.svg', ['--budget', '5000gpuh', '--gpu', 'v100']));
    const texts = findAll(svg, 'text').map(textOf);
    expect(texts).toContain('parameters N (log scale)');
    expect(texts).toContain('loss (nats/token, besiroglu2024)');
    expect(texts).toEqual(expect.arrayContaining(['1B', '10B', 'openai', 'deepmind', 'optimal', '5000gpuh (9.00e20 FLOPs)']));
    expect(findAll(group(svg, 'lines'), 'path')).toHaveLength(1);
    const markers = findAll(group(svg, 'markers'), 'path');
    expect(markers).toHaveLength(3);
    expect(markers.map((marker) => textOf(findAll(marker, 'title')[0] ?? {}))).toEqual([
      expect.stringMatching(/^openai at 5000gpuh: /),
      expect.stringMatching(/^deepmind at 5000gpuh: N 2\.74B, D 54\.8B, loss 2\.315$/),
      expect.stringMatching(/^optimal at 5000gpuh: /),
    ]);
  });

  it('draws one curve per budget', () => {
    const svg = expectStandaloneAccessible(writeSvg('three.svg', ['--budget', '1e21flops,1e22flops,1e23flops']));
    expect(findAll(group(svg, 'lines'), 'path')).toHaveLength(3);
    expect(findAll(group(svg, 'markers'), 'path')).toHaveLength(9);
  });

  it('writes the frontier: N solid and D dashed for each rule, log–log', () => {
    const svg = expectStandaloneAccessible(writeSvg('frontier.svg', ['--budget', '1e21flops..1e25flops', '--frontier']));
    const paths = findAll(group(svg, 'lines'), 'path');
    expect(paths).toHaveLength(6);
    expect(paths.filter((path) => path['@_stroke-dasharray'] !== undefined)).toHaveLength(3);
    const texts = findAll(svg, 'text').map(textOf);
    expect(texts).toEqual(expect.arrayContaining(['training compute C (FLOPs, log scale)', '1e21', '1e25', 'tokens D', 'parameters N']));
  });
});
