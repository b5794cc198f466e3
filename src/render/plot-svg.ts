import { formatCount, formatScientific } from '../core/format.js';
import type { FrontierPlot, IsoflopPlot } from '../core/plot-data.js';
import { formatCountTick, formatFlopsTick, formatLinearTick } from '../core/ticks.js';
import { renderSvgChart, type SvgAxis, type SvgLegendItem } from './svg-chart.js';
import { categoricalColor, PALETTE } from './svg-palette.js';

function extent(values: readonly number[]): [number, number] {
  return [Math.min(...values), Math.max(...values)];
}

/** What the figure was computed for, beyond the plot's data: the hardware line of the plan. */
export interface IsoflopContext {
  /** For example `NVIDIA V100 SXM2 32GB · fp16 · 125 TFLOP/s peak × MFU 0.40`. */
  readonly hardware?: string;
}

/**
 * The IsoFLOP figure as a standalone SVG: one coloured curve per budget, each rule's plan as a
 * shape of its own (filled in the rule's colour, moved clear of any plan it would cover and tied
 * to its true place), a title naming the budgets and hardware, a legend giving every plan's N, D
 * and loss, and a `<desc>` listing every number.
 */
export function renderIsoflopSvg(plot: IsoflopPlot, context: IsoflopContext = {}): string {
  const rules = [...new Set(plot.markers.map((marker) => marker.rule))];
  const points = plot.curves.flatMap((curve) => curve.points);
  // Rules take colours from the end of the palette so they differ from the first budgets' curves.
  const ruleColor = (rule: string): string => categoricalColor(PALETTE.length - 1 - rules.indexOf(rule));
  const numbers = (marker: (typeof plot.markers)[number]): string => `N ${formatCount(marker.params)} · D ${formatCount(marker.tokens)} · loss ${marker.loss.toFixed(3)}`;
  const markerText = plot.markers.map((marker) => `${marker.rule} at ${marker.budget}: ${numbers(marker)}`);
  const budgets = plot.curves.map((curve) => `${curve.budget} (${formatScientific(curve.flops)} FLOPs)`);
  const legend: SvgLegendItem[] = plot.curves.flatMap((curve, index) => [
    { label: `${curve.budget} = ${formatScientific(curve.flops)} FLOPs`, color: categoricalColor(index), sample: { kind: 'line' as const } },
    ...plot.markers
      .filter((marker) => marker.budget === curve.budget && marker.flops === curve.flops)
      .map((marker) => ({ label: `${marker.rule.padEnd(9)} ${numbers(marker)}`, color: ruleColor(marker.rule), sample: { kind: 'marker' as const, shape: rules.indexOf(marker.rule) } })),
  ]);
  return renderSvgChart({
    title: `IsoFLOP curves at ${plot.curves.map((curve) => curve.budget).join(', ')}: loss against model size`,
    subtitle: [
      `${plot.curves.map((curve) => `${formatScientific(curve.flops)} FLOPs`).join(', ')} along 6·N·D = C · ${context.hardware ?? 'no hardware given (budget in FLOPs)'}`,
    ],
    description:
      `Predicted loss (${plot.lossModel}, nats per token) against parameters N on a log axis, along 6·N·D = C for ` +
      `${budgets.join(', ')}${context.hardware ? ` on ${context.hardware}` : ''}. Rule plans: ${markerText.join('; ')}.`,
    panels: [
      {
        x: { scale: 'log', domain: extent(points.map((point) => point.params)), title: 'parameters N (log scale)', formatTick: formatCountTick },
        y: { scale: 'linear', domain: extent(points.map((point) => point.loss)), title: `loss (nats/token, ${plot.lossModel})`, formatTick: formatLinearTick },
        lines: plot.curves.map((curve, index) => ({ points: curve.points.map((point) => [point.params, point.loss] as const), color: categoricalColor(index) })),
        markers: plot.markers.map((marker, index) => ({
          x: marker.params,
          y: marker.loss,
          color: ruleColor(marker.rule),
          shape: rules.indexOf(marker.rule),
          size: 110,
          label: markerText[index] ?? marker.rule,
        })),
      },
    ],
    separateMarkers: true,
    legend,
  });
}

/**
 * The frontier as a standalone SVG: two log–log panels against training compute, parameters N
 * above and tokens D below, one colour per rule in both; real runs (`--models`) on the N panel.
 */
export function renderFrontierSvg(plot: FrontierPlot): string {
  const points = plot.series.flatMap((series) => series.points);
  const runs = plot.models ?? [];
  const describe = plot.series.map((series) => {
    const first = series.points[0];
    const last = series.points[series.points.length - 1];
    return first && last
      ? `${series.rule}: N ${formatCount(first.params)} to ${formatCount(last.params)}, D ${formatCount(first.tokens)} to ${formatCount(last.tokens)}`
      : series.rule;
  });
  const flopsAxis: SvgAxis = { scale: 'log', domain: extent(points.map((point) => point.flops)), title: 'training compute C (FLOPs, log scale)', formatTick: formatFlopsTick };
  return renderSvgChart({
    title: 'Compute-optimal frontier: parameters and tokens against compute',
    subtitle: [`${formatScientific(flopsAxis.domain[0])} to ${formatScientific(flopsAxis.domain[1])} FLOPs; N above, D below, one colour per rule`],
    description:
      `Two panels against training compute from ${formatScientific(flopsAxis.domain[0])} to ${formatScientific(flopsAxis.domain[1])} FLOPs, ` +
      `all axes log: parameters N above, tokens D below. ${describe.join('; ')}.` +
      (runs.length > 0 ? ` Real runs (parameters against compute, top panel): ${runs.map((run) => `${run.name} ${formatCount(run.params)} at ${formatScientific(run.flops)}`).join('; ')}.` : ''),
    panels: [
      {
        title: 'Parameters N',
        x: flopsAxis,
        y: { scale: 'log', domain: extent([...points.map((point) => point.params), ...runs.map((run) => run.params)]), title: 'parameters N (log)', formatTick: formatCountTick },
        lines: plot.series.map((series, index) => ({ points: series.points.map((point) => [point.flops, point.params] as const), color: categoricalColor(index) })),
        markers: runs.map((run) => ({
          x: run.flops,
          y: run.params,
          color: '#111111',
          shape: 0,
          size: 36,
          label: `${run.name}: ${formatCount(run.params)} parameters on ${formatCount(run.tokens)} tokens, ${formatScientific(run.flops)} FLOPs`,
          text: run.id,
        })),
      },
      {
        title: 'Tokens D',
        x: flopsAxis,
        y: { scale: 'log', domain: extent(points.map((point) => point.tokens)), title: 'tokens D (log)', formatTick: formatCountTick },
        lines: plot.series.map((series, index) => ({ points: series.points.map((point) => [point.flops, point.tokens] as const), color: categoricalColor(index) })),
        markers: [],
      },
    ],
    legend: [
      ...plot.series.map((series, index) => ({ label: series.rule === 'optimal' ? `optimal (${series.lossModel})` : series.rule, color: categoricalColor(index), sample: { kind: 'line' as const } })),
      ...(runs.length > 0 ? [{ label: 'real run (its N)', color: '#111111', sample: { kind: 'marker' as const, shape: 0 } }] : []),
    ],
    // Labelled runs need the room.
    ...(runs.length > 0 ? { panelHeight: 340 } : {}),
  });
}
