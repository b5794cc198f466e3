import { describe, expect, it } from 'vitest';
import { renderFitSvg } from '../../src/render/fit-svg.js';
import { escapeXml } from '../../src/render/svg-chart.js';
import { findAll, parseSvg, textOf } from '../helpers/svg.js';

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`a<b & "c" 'd'>`)).toBe('a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;');
  });
});

describe('renderFitSvg', () => {
  const law = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };
  // Two IsoFLOP budgets: 6·N·D = 6e18 for the first three runs, 6e20 for the last two.
  const runs = [
    { params: 1e8, tokens: 1e10, loss: 3.1 },
    { params: 2e8, tokens: 5e9, loss: 3.0 },
    { params: 5e8, tokens: 2e9, loss: 3.05 },
    { params: 1e9, tokens: 1e11, loss: 2.6 },
    { params: 5e9, tokens: 2e10, loss: 2.55 },
  ];
  const svg = parseSvg(renderFitSvg(runs, law));

  it('draws every run as a point, one law curve per compute bucket, and a legend per bucket', () => {
    const groups = findAll(svg, 'g');
    const markers = groups.find((group) => group['@_class'] === 'markers');
    const lines = groups.find((group) => group['@_class'] === 'lines');
    expect(findAll(markers, 'path')).toHaveLength(5);
    // Two bucket curves and the compute-optimal line.
    expect(findAll(lines, 'path')).toHaveLength(3);
    const texts = findAll(svg, 'text').map(textOf);
    expect(texts).toEqual(expect.arrayContaining(['C ≈ 6.0e18 FLOPs (3 runs)', 'C ≈ 6.0e20 FLOPs (2 runs)', 'fitted law at each C', 'loss (nats/token)']));
    expect(texts).toContain('fitted L = 1.69 + 406.4/N^0.34 + 410.7/D^0.28   (E 1.69, A 406.4, B 410.7, α 0.34, β 0.28)');
  });

  it('draws the compute-optimal line dashed in black after the bucket curves', () => {
    const lines = findAll(findAll(svg, 'g').find((group) => group['@_class'] === 'lines'), 'path');
    const optimal = lines[2];
    expect(optimal?.['@_stroke-dasharray']).toBe('6 4');
    expect(optimal?.['@_stroke']).toBe('#000000');
  });

  it('gives each bucket its own colour from the sequential scale, dark to light', () => {
    const legend = findAll(findAll(svg, 'g').find((group) => group['@_class'] === 'legend'), 'path').map((path) => path['@_fill']);
    // viridis' first stop for the smaller compute, its last kept stop for the larger (svg-palette.ts).
    expect(legend).toEqual(['#440154', '#aadc32']);
  });

  it('colours the runs by their bucket', () => {
    const markers = findAll(findAll(svg, 'g').find((group) => group['@_class'] === 'markers'), 'path');
    const fills = markers.map((marker) => marker['@_fill']);
    expect(new Set(fills.slice(0, 3)).size).toBe(1);
    expect(new Set(fills.slice(3)).size).toBe(1);
    expect(fills[0]).not.toBe(fills[3]);
  });

  it('refuses an empty run list', () => {
    expect(() => renderFitSvg([], law)).toThrow(/at least one run/);
  });
});
