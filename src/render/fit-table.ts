import type { FitDocument } from '../core/fit/document.js';
import { formatCount, formatNumber, formatScientific } from '../core/format.js';
import { renderGrid } from './grid.js';
import type { Style } from './style.js';
import { renderNotes, wrapText } from './wrap.js';

type Interval = readonly [number, number];

const PARAMETERS = [
  ['E', 'E'],
  ['A', 'A'],
  ['B', 'B'],
  ['α', 'alpha'],
  ['β', 'beta'],
] as const;

/**
 * The human view of a fitted law: the five constants (with bootstrap intervals when resampled),
 * the implied exponent, the compute-optimal allocation at each budget, and how the fit went.
 */
export function renderFitTable(document: FitDocument, style: Style, width = Infinity): string {
  const fit = document.fit;
  if (!fit) throw new Error('renderFitTable needs a fitted law');
  const { bootstrap } = fit;
  const lines: string[] = [];
  const dropped = fit.droppedTopLoss > 0 ? ` (${fit.droppedTopLoss} highest-loss dropped)` : '';
  const [first = '', ...more] = wrapText(`Fitted L = E + A/N^α + B/D^β to ${fit.runs} runs of ${fit.input === '-' ? 'stdin' : fit.input}${dropped}`, width);
  lines.push(first.replace(/^Fitted/, style.bold('Fitted')), ...more, '');

  const intervalHead = bootstrap ? [`${Math.round(bootstrap.confidence * 100)}% interval`] : [];
  const parameterRows = PARAMETERS.map(([label, key]) => [
    style.accent(label),
    formatNumber(document[key], 4),
    ...(bootstrap ? [formatInterval(bootstrap.intervals[key], (v) => formatNumber(v, 4))] : []),
  ]);
  lines.push(renderGrid(['parameter', 'value', ...intervalHead].map(style.bold), parameterRows, { alignRight: [1, 2] }), '');

  const exponent = fit.paramsExponent ?? document.beta / (document.alpha + document.beta);
  lines.push(`implied exponent a = β/(α+β) = ${formatNumber(exponent)}  (N_opt ∝ C^a, D_opt ∝ C^${formatNumber(1 - exponent)})`, '');

  const optimal = fit.optimal ?? [];
  if (optimal.length > 0) {
    const rows = optimal.map((row) => [
      style.accent(row.budget),
      withInterval(formatCount(row.params), row.paramsInterval, formatCount),
      withInterval(formatCount(row.tokens), row.tokensInterval, formatCount),
      withInterval(formatNumber(row.tokensPerParam), row.tokensPerParamInterval, formatNumber),
    ]);
    lines.push(
      style.bold('Compute-optimal allocation'),
      renderGrid(['budget', 'parameters', 'tokens', 'tokens/param'].map(style.bold), rows, { alignRight: [1, 2, 3] }),
      '',
    );
  }

  const status = fit.converged ? 'converged' : style.warn('did NOT converge');
  lines.push(
    style.dim(`Huber objective ${formatScientific(fit.objective)} (δ = ${fit.delta}), best of ${fit.starts} starts: ${status}`),
  );
  if (bootstrap) lines.push(style.dim(`Bootstrap: ${bootstrap.samples} resamples, seed ${bootstrap.seed}, percentile intervals`));
  lines.push(
    ...renderNotes(
      [
        `Loss is in nats/token on the input's data; it does not transfer to other data or tokenizers.`,
        // Issue 13: what the default objective is, and what it is not.
        "The objective (sum of Huber losses on log loss, L-BFGS from Chinchilla's grid) is Epoch AI's plain-Huber refit, the first fit of their notebook; " +
          "Epoch's published constants (E 1.8172, A 482.01, B 2085.43, α 0.3478, β 0.3658) come from a second, likelihood-based fit with a fitted scale, which llm-plan does not run.",
      ],
      width,
      style.dim,
    ),
  );
  return `${lines.join('\n')}\n`;
}

function formatInterval(interval: Interval, format: (value: number) => string): string {
  return `${format(interval[0])} – ${format(interval[1])}`;
}

function withInterval(text: string, interval: Interval | undefined, format: (value: number) => string): string {
  return interval ? `${text} [${formatInterval(interval, format)}]` : text;
}
