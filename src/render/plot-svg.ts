import { formatCount, formatScientific } from '../core/format.js';
import type { FrontierPlot, IsoflopPlot } from '../core/plot-data.js';
import { formatCountTick, formatFlopsTick, formatLinearTick } from '../core/ticks.js';
import { PALETTE, renderSvgChart, type SvgLegendItem } from './svg-chart.js';

function extent(values: readonly number[]): [number, number] {
  return [Math.min(...values), Math.max(...values)];
}

const color = (index: number): string => PALETTE[index % PALETTE.length] ?? '#000000';

/**
 * The IsoFLOP figure as a standalone SVG: one coloured curve per budget, each rule's plan as a
 * shape of its own (filled in the rule's colour), a legend, and a `<desc>` listing every number.
 */
export function renderIsoflopSvg(plot: IsoflopPlot): string {
  const rules = [...new Set(plot.markers.map((marker) => marker.rule))];
  const points = plot.curves.flatMap((curve) => curve.points);
  // Rules take colours from the end of the palette so they differ from the first budgets' curves.
  const ruleColor = (rule: string): string => color(PALETTE.length - 1 - rules.indexOf(rule));
  const markerText = plot.markers.map(
    (marker) => `${marker.rule} at ${marker.budget}: N ${formatCount(marker.params)}, D ${formatCount(marker.tokens)}, loss ${marker.loss.toFixed(3)}`,
  );
  const legend: SvgLegendItem[] = [
    ...plot.curves.map((curve, index) => ({ label: `${curve.budget} (${formatScientific(curve.flops)} FLOPs)`, color: color(index), sample: { kind: 'line' as const } })),
    ...rules.map((rule, index) => ({ label: rule, color: ruleColor(rule), sample: { kind: 'marker' as const, shape: index } })),
  ];
  return renderSvgChart({
    title: 'IsoFLOP curves: loss against model size at fixed compute',
    description:
      `Predicted loss (${plot.lossModel}, nats per token) against parameters N on a log axis, along 6·N·D = C for ` +
      `${plot.curves.map((curve) => `${curve.budget} (${formatScientific(curve.flops)} FLOPs)`).join(', ')}. ` +
      `Rule plans: ${markerText.join('; ')}.`,
    x: { scale: 'log', domain: extent(points.map((point) => point.params)), title: 'parameters N (log scale)', formatTick: formatCountTick },
    y: { scale: 'linear', domain: extent(points.map((point) => point.loss)), title: `loss (nats/token, ${plot.lossModel})`, formatTick: formatLinearTick },
    lines: plot.curves.map((curve, index) => ({ points: curve.points.map((point) => [point.params, point.loss] as const), color: color(index) })),
    markers: plot.markers.map((marker, index) => ({
      x: marker.params,
      y: marker.loss,
      color: ruleColor(marker.rule),
      shape: rules.indexOf(marker.rule),
      // Each rule's marker smaller than the last, so a plan that lands on another stays visible.
      size: Math.max(40, 160 - 45 * rules.indexOf(marker.rule)),
      label: markerText[index] ?? marker.rule,
    })),
    legend,
  });
}

/**
 * The frontier as a standalone SVG: log–log, one colour per rule, parameters N solid and tokens
 * D dashed, against training compute.
 */
export function renderFrontierSvg(plot: FrontierPlot): string {
  const points = plot.series.flatMap((series) => series.points);
  const runs = plot.models ?? [];
  const counts = [...points.flatMap((point) => [point.params, point.tokens]), ...runs.map((run) => run.params)];
  const describe = plot.series.map((series) => {
    const first = series.points[0];
    const last = series.points[series.points.length - 1];
    return first && last
      ? `${series.rule}: N ${formatCount(first.params)} to ${formatCount(last.params)}, D ${formatCount(first.tokens)} to ${formatCount(last.tokens)}`
      : series.rule;
  });
  return renderSvgChart({
    title: 'Compute-optimal frontier: parameters and tokens against compute',
    description:
      `Parameters N (solid) and tokens D (dashed) against training compute from ${formatScientific(Math.min(...points.map((point) => point.flops)))} ` +
      `to ${formatScientific(Math.max(...points.map((point) => point.flops)))} FLOPs, both axes log. ${describe.join('; ')}.` +
      (runs.length > 0 ? ` Real runs (parameters against compute): ${runs.map((run) => `${run.name} ${formatCount(run.params)} at ${formatScientific(run.flops)}`).join('; ')}.` : ''),
    x: { scale: 'log', domain: extent(points.map((point) => point.flops)), title: 'training compute C (FLOPs, log scale)', formatTick: formatFlopsTick },
    y: { scale: 'log', domain: extent(counts), title: 'parameters N, tokens D (log scale)', formatTick: formatCountTick },
    lines: plot.series.flatMap((series, index) => [
      { points: series.points.map((point) => [point.flops, point.params] as const), color: color(index) },
      { points: series.points.map((point) => [point.flops, point.tokens] as const), color: color(index), dashed: true },
    ]),
    markers: runs.map((run) => ({
      x: run.flops,
      y: run.params,
      color: '#111111',
      shape: 0,
      size: 36,
      label: `${run.name}: ${formatCount(run.params)} parameters on ${formatCount(run.tokens)} tokens, ${formatScientific(run.flops)} FLOPs`,
      text: run.id,
    })),
    legend: [
      ...plot.series.map((series, index) => ({ label: series.rule === 'optimal' ? `optimal (${series.lossModel})` : series.rule, color: color(index), sample: { kind: 'line' as const } })),
      { label: 'parameters N', color: '#555555', sample: { kind: 'line' as const } },
      { label: 'tokens D', color: '#555555', sample: { kind: 'line' as const, dashed: true } },
      ...(runs.length > 0 ? [{ label: 'real run (its N)', color: '#111111', sample: { kind: 'marker' as const, shape: 0 } }] : []),
    ],
  });
}
