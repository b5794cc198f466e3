import { formatCount, formatScientific } from '../core/format.js';
import type { FrontierPlot, IsoflopPlot } from '../core/plot-data.js';
import { formatCountTick, formatFlopsTick, formatLinearTick } from '../core/ticks.js';
import { assignRuleSymbols } from './plot-symbols.js';
import { seriesStyle, type Style } from './plain-style.js';
import { renderChart, type ChartAxis } from './terminal-chart.js';

/** Size of a terminal figure: total columns, and rows of each plotting area. */
export interface TerminalPlotSize {
  readonly width: number;
  readonly height: number;
}

const COUNT_AXIS = (title: string, domain: readonly [number, number]): ChartAxis => ({
  scale: 'log',
  domain,
  title,
  formatTick: formatCountTick,
});

/** The smallest and largest of some values, as an axis domain. */
function extent(values: readonly number[]): [number, number] {
  return [Math.min(...values), Math.max(...values)];
}

/**
 * The IsoFLOP figure in the terminal: the loss against N (log) for each budget, each rule's plan
 * marked with its letter, curves numbered when there are several, and a legend. Ends in a newline.
 */
export function renderIsoflopTerminal(plot: IsoflopPlot, size: TerminalPlotSize, style: Style): string {
  const rules = [...new Set(plot.markers.map((marker) => marker.rule))];
  const symbols = assignRuleSymbols(rules);
  // Curves take the series colours from the start, rules' letters from the end, so they differ.
  const curveStyle = (index: number): ((text: string) => string) => seriesStyle(style, index);
  const ruleStyle = (rule: string): ((text: string) => string) => seriesStyle(style, style.series.length * 8 - 1 - rules.indexOf(rule));
  const numbered = plot.curves.length > 1;
  const points = plot.curves.flatMap((curve) => curve.points);
  const chart = renderChart(
    {
      width: size.width,
      height: size.height,
      x: COUNT_AXIS('parameters N (log scale)', extent(points.map((point) => point.params))),
      y: { scale: 'linear', domain: extent(points.map((point) => point.loss)), title: `loss (nats/token, ${plot.lossModel})`, formatTick: formatLinearTick },
      lines: plot.curves.map((curve, index) => ({
        points: curve.points.map((point) => [point.params, point.loss] as const),
        style: curveStyle(index),
        ...(numbered ? { glyph: String(index + 1), glyphAt: [0] } : {}),
      })),
      marks: plot.markers.map((marker) => ({ x: marker.params, y: marker.loss, glyph: symbols.get(marker.rule) ?? '?', style: ruleStyle(marker.rule) })),
    },
    style,
  );
  const lines = [style.bold('IsoFLOP curves (6·N·D = C)'), ...chart, ''];
  plot.curves.forEach((curve, index) => {
    const prefix = numbered ? `${curveStyle(index)(String(index + 1))} ` : '';
    lines.push(`${prefix}${style.bold(curve.budget)} = ${formatScientific(curve.flops)} FLOPs`);
    for (const marker of plot.markers.filter((candidate) => candidate.budget === curve.budget && candidate.flops === curve.flops)) {
      lines.push(
        `  ${ruleStyle(marker.rule)(symbols.get(marker.rule) ?? '?')} ${marker.rule.padEnd(9)} N ${formatCount(marker.params).padStart(6)}` +
          `  D ${formatCount(marker.tokens).padStart(6)}  loss ${marker.loss.toFixed(3)}`,
      );
    }
  });
  return `${lines.join('\n')}\n`;
}

/**
 * The compute-optimal frontier in the terminal: two log–log panels, parameters N and tokens D
 * against training compute, one line per rule with the rule's letter along it. Ends in a newline.
 */
export function renderFrontierTerminal(plot: FrontierPlot, size: TerminalPlotSize, style: Style): string {
  const symbols = assignRuleSymbols(plot.series.map((series) => series.rule));
  const points = plot.series.flatMap((series) => series.points);
  // Real runs (--models): lower-case keys on the parameters panel, listed under the legend.
  const runs = (plot.models ?? []).map((run, index) => ({ ...run, key: RUN_KEYS[index % RUN_KEYS.length] ?? '?' }));
  const flopsAxis: ChartAxis = {
    scale: 'log',
    domain: extent(points.map((point) => point.flops)),
    title: 'training compute C (FLOPs, log scale)',
    formatTick: formatFlopsTick,
  };
  const panel = (title: string, pick: (point: (typeof points)[number]) => number, withRuns = false): string[] =>
    renderChart(
      {
        width: size.width,
        height: size.height,
        x: flopsAxis,
        y: COUNT_AXIS(title, extent([...points.map(pick), ...(withRuns ? runs.map((run) => run.params) : [])])),
        lines: plot.series.map((series, index) => ({
          points: series.points.map((point) => [point.flops, pick(point)] as const),
          style: seriesStyle(style, index),
          glyph: symbols.get(series.rule) ?? '?',
          glyphAt: [0, 1 / 3, 2 / 3, 1],
        })),
        marks: withRuns ? runs.map((run) => ({ x: run.flops, y: run.params, glyph: run.key })) : [],
      },
      style,
    );
  const legend = plot.series.map((series, index) => {
    const first = series.points[0];
    const last = series.points[series.points.length - 1];
    const range = first && last ? `N ${formatCount(first.params)} → ${formatCount(last.params)}   D ${formatCount(first.tokens)} → ${formatCount(last.tokens)}` : '';
    return `${seriesStyle(style, index)(symbols.get(series.rule) ?? '?')} ${series.rule.padEnd(9)} ${range}${series.rule === 'optimal' ? `   (under ${series.lossModel})` : ''}`;
  });
  return `${[
    style.bold('Compute-optimal frontier'),
    ...panel('parameters N (log scale)', (point) => point.params, true),
    '',
    ...panel('tokens D (log scale)', (point) => point.tokens),
    '',
    ...legend,
    ...(runs.length > 0 ? ['', ...runLegend(runs, size.width, style)] : []),
  ].join('\n')}\n`;
}

/** Keys of the real runs on the parameters panel: lower case, apart from the rules' capitals. */
const RUN_KEYS = 'abcdefghijklmnopqrstuvwxyz';

/** `a gpt-3  b gopher  …`, wrapped to the width. */
function runLegend(runs: ReadonlyArray<{ id: string; key: string }>, width: number, style: Style): string[] {
  const lines: string[] = [];
  let line = 'real runs:';
  for (const run of runs) {
    const entry = `${run.key} ${run.id}`;
    if (line.length + 2 + entry.length > width) {
      lines.push(line);
      line = `  ${entry}`;
    } else line += `  ${entry}`;
  }
  lines.push(line);
  return lines.map((text) => text.replace(/(^|  )([a-z]) /g, (_, lead: string, key: string) => `${lead}${style.accent(key)} `));
}
