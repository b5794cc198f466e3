import { formatCount, formatScientific } from '../core/format.js';
import { createFitPlot, type ObservedRun } from '../core/fit-plot.js';
import { optimalParamsExponent } from '../core/fit/optimal.js';
import { formatCountTick, formatLinearTick } from '../core/ticks.js';
import type { ChinchillaParams } from '../domain/presets.js';
import { renderSvgChart } from './svg-chart.js';
import { sequentialColor } from './svg-palette.js';

/** A fitted constant as the fit table prints it: four significant figures. */
const constant = (value: number): string => Number(value.toPrecision(4)).toString();

/**
 * Observed runs against a fitted law `E + A/N^α + B/D^β`, as a standalone SVG: loss against N (log),
 * runs grouped by compute (quarter decades of 6·N·D) and coloured dark to light on a sequential
 * scale as it grows (one legend entry per group), the law's IsoFLOP curve at each group's compute in
 * the same colour, the law's compute-optimal line through the curves' minima, and the fitted
 * constants written under the title. Plain data in, so any fitter can call it.
 *
 * @example renderFitSvg([{ params: 1e8, tokens: 2e9, loss: 3.1 }, …], { E: 1.8, A: 480, B: 2000, alpha: 0.35, beta: 0.37 })
 */
export function renderFitSvg(runs: readonly ObservedRun[], law: ChinchillaParams): string {
  if (runs.length === 0) throw new Error('renderFitSvg needs at least one run');
  const plot = createFitPlot(runs, law);
  // Buckets are ordered by compute, so a sequential ramp says which is larger without a lookup.
  const color = (index: number): string => sequentialColor(index, plot.buckets.length);
  const params = plot.buckets.flatMap((bucket) => [...bucket.curve.map((point) => point.params), ...bucket.runs.map((run) => run.params)]);
  const losses = plot.buckets.flatMap((bucket) => [...bucket.curve.map((point) => point.loss), ...bucket.runs.map((run) => run.loss)]);
  const lawText = `L = ${constant(law.E)} + ${constant(law.A)}/N^${constant(law.alpha)} + ${constant(law.B)}/D^${constant(law.beta)}`;
  const a = optimalParamsExponent(law);
  return renderSvgChart({
    title: 'Observed runs against the fitted scaling law',
    subtitle: [
      `fitted ${lawText}   (E ${constant(law.E)}, A ${constant(law.A)}, B ${constant(law.B)}, α ${constant(law.alpha)}, β ${constant(law.beta)})`,
      `${runs.length} runs in ${plot.buckets.length} compute groups; compute-optimal N ∝ C^${a.toFixed(3)}, D ∝ C^${(1 - a).toFixed(3)}`,
    ],
    description:
      `${runs.length} runs: loss (nats per token) against parameters N on a log axis, grouped by compute 6·N·D into ` +
      `${plot.buckets.length} groups, with the fitted law ${lawText} drawn along each group's compute and its compute-optimal line ` +
      `(N_opt ∝ C^${a.toFixed(3)}). ` +
      plot.buckets.map((bucket) => `${formatScientific(bucket.flops)} FLOPs: ${bucket.runs.length} runs`).join('; ') + '.',
    panels: [
      {
        x: { scale: 'log', domain: [Math.min(...params), Math.max(...params)], title: 'parameters N (log scale)', formatTick: formatCountTick },
        y: { scale: 'linear', domain: [Math.min(...losses), Math.max(...losses)], title: 'loss (nats/token)', formatTick: formatLinearTick },
        lines: [
          ...plot.buckets.map((bucket, index) => ({ points: bucket.curve.map((point) => [point.params, point.loss] as const), color: color(index) })),
          { points: plot.optimal.map((point) => [point.params, point.loss] as const), color: '#000000', dashed: true, width: 1.5 },
        ],
        markers: plot.buckets.flatMap((bucket, index) =>
          bucket.runs.map((run) => ({
            x: run.params,
            y: run.loss,
            color: color(index),
            shape: 0,
            size: 40,
            label: `N ${formatCount(run.params)}, D ${formatCount(run.tokens)}, loss ${run.loss}`,
          })),
        ),
      },
    ],
    legend: [
      ...plot.buckets.map((bucket, index) => ({ label: `C ≈ ${formatScientific(bucket.flops, 2)} FLOPs (${bucket.runs.length} runs)`, color: color(index), sample: { kind: 'marker' as const, shape: 0 } })),
      { label: 'fitted law at each C', color: '#555555', sample: { kind: 'line' as const } },
      { label: 'compute-optimal N (fitted law)', color: '#000000', sample: { kind: 'line' as const, dashed: true } },
    ],
  });
}
