import { describe, expect, it } from 'vitest';
import type { FrontierPlot, IsoflopPlot } from '../../src/core/plot-data.js';
import { renderFrontierTerminal, renderIsoflopTerminal } from '../../src/render/plot-terminal.js';
import { assignRuleSymbols } from '../../src/render/plot-symbols.js';
import { PLAIN_STYLE, createStyle } from '../../src/render/style.js';
import { renderChart } from '../../src/render/terminal-chart.js';
import { formatCountTick } from '../../src/core/ticks.js';

// A hand-made valley (not from a loss model) so the picture is easy to check by eye: loss 3.0 at
// N = 1e8 and 1e12, 2.0 at 1e10, straight in log N between. D = C/(6N) with C = 6e20.
const point = (params: number, loss: number) => ({ params, tokens: 6e20 / (6 * params), loss });
const valley: IsoflopPlot = {
  kind: 'isoflop',
  lossModel: 'test-law',
  curves: [{ budget: '6e20flops', flops: 6e20, optimum: point(1e10, 2), points: [point(1e8, 3), point(1e9, 2.5), point(1e10, 2), point(1e11, 2.5), point(1e12, 3)] }],
  markers: [
    { rule: 'deepmind', budget: '6e20flops', flops: 6e20, ...point(1e10, 2) },
    { rule: 'openai', budget: '6e20flops', flops: 6e20, ...point(1e11, 2.5) },
  ],
};

describe('assignRuleSymbols', () => {
  it('gives each rule the first letter of its id not yet taken', () => {
    expect([...assignRuleSymbols(['openai', 'deepmind', 'optimal']).entries()]).toEqual([
      ['openai', 'O'],
      ['deepmind', 'D'],
      ['optimal', 'P'],
    ]);
  });
});

describe('renderIsoflopTerminal', () => {
  const text = renderIsoflopTerminal(valley, { width: 40, height: 6 }, PLAIN_STYLE);

  it('draws the valley with log N ticks, loss ticks and the rules marked by letter', () => {
    expect(text).toMatchInlineSnapshot(`
      "IsoFLOP curves (6·N·D = C)
      loss (nats/token, test-law)
      3.0 ┤⠑⠢⡀                             ⢀⠔⠊
          │  ⠈⠑⠤⡀                       ⢀⠤⠊⠁
          │     ⠈⠑⢄⡀                 ⢀⡠⠊⠁
      2.5 ┤        ⠈⠒⠤⡀           ⢀⡠⠒O
          │           ⠈⠑⠤⣀     ⢀⠤⠒⠁
      2.0 ┤               ⠑⠢D⠤⠊⠁
          └┬────────────────┬────────────────┬
          100M             10B              1T
                parameters N (log scale)

      6e20flops = 6.00e20 FLOPs
        D deepmind  N  10.0B  D  10.0B  loss 2.000
        O openai    N   100B  D  1.00B  loss 2.500
      "
    `);
  });

  it('stays within the width and has no colour codes when colour is off', () => {
    const lines = text.trimEnd().split('\n');
    // Title, chart and axes: the 11 lines above the legend.
    expect(Math.max(...lines.slice(0, 11).map((line) => [...line].length))).toBeLessThanOrEqual(40);
    expect(text).not.toContain('\u001b[');
  });

  it('colours only the marker letters (and title) when colour is on, and the text is the same without codes', () => {
    const coloured = renderIsoflopTerminal(valley, { width: 40, height: 6 }, createStyle(true));
    expect(coloured).toContain('\u001b[36mD\u001b[39m');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(text);
  });
});

describe('renderFrontierTerminal', () => {
  // Two rules on exact power laws: N = 1e9·(C/1e21)^0.5 and N = 1e9·(C/1e21)^0.75, D = C/(6N).
  const series = (rule: string, exponent: number) => ({
    rule,
    lossModel: 'test-law',
    points: [1e21, 1e22, 1e23].map((flops) => {
      const params = 1e9 * (flops / 1e21) ** exponent;
      return { flops, params, tokens: flops / (6 * params) };
    }),
  });
  const plot: FrontierPlot = { kind: 'frontier', series: [series('deepmind', 0.5), series('openai', 0.75)] };

  it('draws N and D panels against compute, with each rule’s letter along its line', () => {
    expect(renderFrontierTerminal(plot, { width: 40, height: 5 }, PLAIN_STYLE)).toMatchInlineSnapshot(`
      "Compute-optimal frontier
      parameters N (log scale)
          │                             ⣀⡠⠤⠒⠒O
      10B ┤                      ⣀⡠⠤⠔⠒⠉⠉  ⣀⣀⡠D
          │               ⣀⣀O⠔⠒⠊⢉⣀⣀⠤⠤⠒⠒⠊⠉⠉
          │       ⣀⣀⠤⢤⣒⣒⡩⠭⠤⠔D⠒⠉⠉⠁
       1B ┤DO⠤⠶⠖⠛⠛⠊⠉⠉⠁
          └┬────────────────┬────────────────┬
          1e21             1e22           1e23
          training compute C (FLOPs, log scale)

      tokens D (log scale)
           │                            ⣀⡠⠤⠔⠒D
        1T ┤                     ⢀⣀⠤⠔⠒⠊⠉
      500B ┤              ⢀⣀⡠D⠒⠊⠉⠁     ⢀⣀⣀⣀⡠⠤O
           │       ⣀⡠⠤⠔⠒⣊⣉⣁⡠⠤O⠤⠔⠒⠒⠒⠊⠉⠉⠉⠁
      200B ┤DO⠤⠶⠶⠝⠛⠒⠊⠉⠉⠉
           └┬────────────────┬───────────────┬
           1e21             1e22          1e23
          training compute C (FLOPs, log scale)

      D deepmind  N 1.00B → 10.0B   D 167B → 1.67T
      O openai    N 1.00B → 31.6B   D 167B → 527B
      "
    `);
  });
});

describe('degenerate data', () => {
  it('draws a flat curve (every loss equal) without hanging or NaN', () => {
    const flat: IsoflopPlot = { ...valley, curves: [{ ...valley.curves[0]!, points: [point(1e8, 2), point(1e12, 2)] }], markers: [] };
    const text = renderIsoflopTerminal(flat, { width: 40, height: 4 }, PLAIN_STYLE);
    // One tick, the value itself, on the middle row (a flat domain maps everything to 0.5).
    expect(text).toMatch(/^2 ┤⠉+$/m);
    expect(text).not.toMatch(/NaN|Infinity/);
  });
});

describe('terminal plots in colour', () => {
  const strip = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');
  const ESC = '\u001b';

  it('colours each series (dots and glyph) in its own colour and reads the same without it', () => {
    const two: IsoflopPlot = {
      ...valley,
      curves: [...valley.curves, { ...valley.curves[0]!, budget: '6e21flops', flops: 6e21, points: valley.curves[0]!.points.map((p) => ({ ...p, loss: p.loss - 0.5 })) }],
    };
    const coloured = renderIsoflopTerminal(two, { width: 40, height: 6 }, createStyle(true));
    expect(strip(coloured)).toBe(renderIsoflopTerminal(two, { width: 40, height: 6 }, PLAIN_STYLE));
    // SGR 34 = blue (first series), 31 = red (second) (ECMA-48); both curves' numbers and dots carry them.
    expect(coloured).toContain(`${ESC}[34m1${ESC}[39m`);
    expect(coloured).toContain(`${ESC}[31m2${ESC}[39m`);
    expect(coloured).toMatch(new RegExp(`${ESC}\\[34m[\\u2801-\\u28ff]`));
    expect(coloured).toMatch(new RegExp(`${ESC}\\[31m[\\u2801-\\u28ff]`));
  });

  it('labels a log axis over its whole range: a line reaching 7T gets a 10T tick', () => {
    const chart = renderChart(
      {
        width: 40,
        height: 9,
        x: { scale: 'log', domain: [1e21, 1e25], title: 'C', formatTick: (value) => value.toExponential(0) },
        y: { scale: 'log', domain: [2.8e9, 7.3e12], title: 'N', formatTick: formatCountTick },
        lines: [{ points: [[1e21, 2.8e9], [1e25, 7.3e12]] }],
        marks: [],
      },
      PLAIN_STYLE,
    );
    const yLabels = chart.flatMap((line) => line.match(/^ *(\S+) ┤/)?.slice(1) ?? []);
    expect(yLabels[0]).toBe('10T');
  });
});
