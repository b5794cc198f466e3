import { describe, expect, it } from 'vitest';
import type { FrontierPlot, IsoflopPlot } from '../../src/core/plot-data.js';
import { renderFrontierSvg, renderIsoflopSvg } from '../../src/render/plot-svg.js';
import { findAll, parseSvg, textOf, type XmlNode } from '../helpers/svg.js';

// Two rules planning the same point (as deepmind and optimal nearly do at 5000gpuh), one apart.
const point = (params: number, loss: number) => ({ params, tokens: 6e20 / (6 * params), loss });
const valley: IsoflopPlot = {
  kind: 'isoflop',
  lossModel: 'test-law',
  curves: [{ budget: '6e20flops', flops: 6e20, optimum: point(1e10, 2), points: [point(1e8, 3), point(1e10, 2), point(1e12, 3)] }],
  markers: [
    { rule: 'deepmind', budget: '6e20flops', flops: 6e20, ...point(1e10, 2) },
    { rule: 'optimal', budget: '6e20flops', flops: 6e20, ...point(1e10, 2) },
    { rule: 'openai', budget: '6e20flops', flops: 6e20, ...point(1e11, 2.5) },
  ],
};

const group = (svg: XmlNode, name: string): XmlNode | undefined => findAll(svg, 'g').find((node) => node['@_class'] === name);
const centre = (node: XmlNode): number[] => String(node['@_transform']).match(/translate\(([-\d.]+) ([-\d.]+)\)/)?.slice(1).map(Number) ?? [];

describe('renderIsoflopSvg', () => {
  const svg = parseSvg(renderIsoflopSvg(valley, { hardware: 'Test GPU · bf16' }));
  const texts = findAll(svg, 'text').map(textOf);

  it('titles the figure with its budget and hardware', () => {
    expect(texts[0]).toBe('IsoFLOP curves at 6e20flops: loss against model size');
    expect(texts[1]).toBe('6.00e20 FLOPs along 6·N·D = C · Test GPU · bf16');
  });

  it("gives each rule's N, D and loss in the legend (D = 6e20/(6·1e10) = 1e10)", () => {
    expect(texts).toEqual(expect.arrayContaining(['6e20flops = 6.00e20 FLOPs', 'deepmind  N 10.0B · D 10.0B · loss 2.000', 'openai    N 100B · D 1.00B · loss 2.500']));
  });

  it('moves a marker that would cover another clear of it, with a line and a dot at its true place', () => {
    const [deepmind, optimal, openai] = findAll(group(svg, 'markers'), 'path').map(centre);
    expect(deepmind?.[0]).toBe(optimal?.[0]);
    expect((deepmind?.[1] ?? 0) - (optimal?.[1] ?? 0)).toBe(15);
    expect(openai).toHaveLength(2);
    const leaders = group(svg, 'marker-leaders');
    expect(findAll(leaders, 'line')).toHaveLength(1);
    expect(findAll(leaders, 'circle')[0]?.['@_cy']).toBe(String(deepmind?.[1]));
  });

  it('says when no hardware was given', () => {
    expect(textOf(findAll(parseSvg(renderIsoflopSvg(valley)), 'text')[1] ?? {})).toContain('no hardware given');
  });
});

describe('renderFrontierSvg', () => {
  // N from 1B to 7T over 1e21..1e25: the N axis must reach a labelled 10T.
  const frontier: FrontierPlot = {
    kind: 'frontier',
    series: [{ rule: 'openai', lossModel: 'test-law', points: [{ flops: 1e21, params: 1e9, tokens: 1e21 / 6e9 }, { flops: 1e25, params: 7e12, tokens: 1e25 / 4.2e13 }] }],
  };
  const svg = parseSvg(renderFrontierSvg(frontier));

  it('draws N and D in two panels, each labelled up to the decade above its data', () => {
    expect(findAll(svg, 'text').filter((node) => node['@_class'] === 'panel-title').map(textOf)).toEqual(['Parameters N', 'Tokens D']);
    const axes = findAll(svg, 'g').filter((node) => node['@_class'] === 'axis y-axis');
    expect(findAll(axes[0], 'text').map(textOf)).toEqual(expect.arrayContaining(['1B', '10T']));
  });
});
