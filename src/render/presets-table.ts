import type { Accelerator, FittedOn, LossModel, Rule } from '../domain/presets.js';
import { defaultPrecision } from '../core/hardware.js';
import { formatCount, formatNumber, formatScientific } from '../core/format.js';
import { paramsExponent } from '../core/rules.js';
import { renderGrid } from './grid.js';
import { wrapText } from './wrap.js';
import { renderWrappedGrid } from './wrapped-grid.js';
import type { Style } from './style.js';

// Colour codes take no room on screen.
const visibleWidth = (text: string): number => [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;

const PRECISIONS = ['fp32', 'tf32', 'fp16', 'bf16', 'fp8'] as const;

/** Layout of the preset lists: the terminal width, and `--wide` (every column, lines never folded). */
export interface ListLayout {
  readonly width?: number;
  readonly wide?: boolean;
}

const widest = (text: string): number => Math.max(...text.split('\n').map(visibleWidth));

/**
 * `llm-plan gpus`: one row per accelerator, dense TFLOP/s per precision (`—` = unsupported).
 * Every column when it fits the width or with `--wide`; otherwise names, confidence and sources are
 * left out (the footer says how to see them) and aliases wrap in a narrow column.
 */
export function renderAcceleratorTable(accelerators: readonly Accelerator[], style: Style, layout: ListLayout = {}): string {
  const throughput = (gpu: Accelerator): string[] =>
    PRECISIONS.map((precision) => {
      const tflops = gpu.denseTflops[precision];
      if (tflops === undefined) return style.dim('—');
      const text = String(tflops);
      return precision === defaultPrecision(gpu) ? style.bold(`${text}*`) : text;
    });
  const rows = accelerators.map((gpu) => [
    style.accent(gpu.id),
    [gpu.name, ...(gpu.aliases?.length ? [style.dim(`(${gpu.aliases.join(', ')})`)] : [])].join(' '),
    `${gpu.memoryGB} GB`,
    ...throughput(gpu),
    gpu.confidence,
    gpu.source,
  ]);
  const head = ['id', 'name (aliases)', 'memory', ...PRECISIONS, 'confidence', 'source'].map(style.bold);
  const legend = 'Dense tensor TFLOP/s per precision; * = the default precision. Sources: shared/reference/accelerators.md.';
  const full = renderGrid(head, rows, { alignRight: [2, 3, 4, 5, 6, 7] });
  const width = layout.width ?? Infinity;
  if (layout.wide || widest(full) <= width) return `${full}\n\n${wrapText(legend, layout.wide ? Infinity : width).map(style.dim).join('\n')}\n`;

  const narrowHead = ['id', 'aliases', 'memory', ...PRECISIONS].map(style.bold);
  const narrowRows = accelerators.map((gpu) => [style.accent(gpu.id), style.dim((gpu.aliases ?? []).join(', ')), `${gpu.memoryGB} GB`, ...throughput(gpu)]);
  // Every column but the aliases at its natural width; the aliases wrap in what is left (at least 10).
  const natural = (column: number): number => Math.max(...[narrowHead, ...narrowRows].map((row) => visibleWidth(row[column] ?? '')));
  const fixed = [0, 2, 3, 4, 5, 6, 7].reduce((sum, column) => sum + natural(column), 0) + 2 * 7;
  const aliasWidth = Math.max(10, width - fixed);
  const widths = [natural(0), aliasWidth, ...[2, 3, 4, 5, 6, 7].map(natural)];
  const table = renderWrappedGrid(narrowHead, narrowRows, { alignRight: [2, 3, 4, 5, 6, 7], widths });
  const footer = [
    'Dense tensor TFLOP/s per precision; * = the default precision.',
    "Names, confidence and sources: 'llm-plan gpus --wide' (or --json).",
  ].flatMap((line) => wrapText(line, width));
  return `${table}\n\n${footer.map(style.dim).join('\n')}\n`;
}

/** Short names of the rule kinds, for a table that fits 80 columns. */
const KIND_LABEL: Record<Rule['kind'], string> = {
  'power-law': 'power law',
  'loss-optimal': 'loss-optimal',
  'fitted-law': 'fitted law',
  'tokens-power-law': 'tokens law',
  'flops-per-token-law': 'FLOPs/token',
};

/** `70.0M–16.0B N, 5.00B–500B D`: the runs a law was fitted on, as spans. */
export function describeFittedOn(fitted: FittedOn | undefined): string {
  if (!fitted) return '—';
  const parts: string[] = [];
  if (fitted.params) parts.push(`${formatCount(fitted.params[0])}–${formatCount(fitted.params[1])} N`);
  if (fitted.tokens) parts.push(`${formatCount(fitted.tokens[0])}–${formatCount(fitted.tokens[1])} D`);
  if (fitted.flops) parts.push(`${formatScientific(fitted.flops[0], 2)}–${formatScientific(fitted.flops[1], 2)} C`);
  return parts.join(', ');
}

/** The law of a rule in one line: what it computes. */
function describeLaw(rule: Rule): string {
  switch (rule.kind) {
    case 'power-law':
      return `N = ${formatNumber(rule.anchor.params)}·(C/${formatScientific(rule.anchor.flops)})^${formatNumber(rule.exponent)}, D = C/(6N)`;
    case 'loss-optimal':
      return 'N minimises the scoring loss model at 6ND = C (Hoffmann Eq. 4)';
    case 'fitted-law':
      return `N minimises E + A/N^α + B/D^β at 6ND = C with E=${rule.law.E} A=${rule.law.A} B=${rule.law.B} α=${rule.law.alpha} β=${rule.law.beta}`;
    case 'tokens-power-law':
      return `D = ${rule.coefficient}·C^${rule.exponent}, N = C/(6D)`;
    case 'flops-per-token-law':
      return (
        `M = ${rule.modelScale.coefficient}·C^${rule.modelScale.exponent} FLOPs/token through a shape (d/L = ${rule.aspectRatio}, l_seq ${rule.sequenceLength},` +
        ` vocabulary ${rule.vocabSize}) to N, D = C/(6N); the law's D = ${rule.data.coefficient}·C^${rule.data.exponent}`
      );
  }
}

/**
 * `llm-plan rules`: a table of the rules (per-10× growth and the runs behind each) and of the loss
 * models, then each preset's law, source and data. On a terminal (`width` given) the tables stay
 * within the width and the text wraps; in a pipe lines stay whole for grep.
 */
export function renderRulesTable(rules: readonly Rule[], lossModels: readonly LossModel[], style: Style, layout: ListLayout = {}): string {
  // --wide (or a pipe) keeps every line whole; a terminal folds to its width.
  const width = layout.wide || layout.width === undefined || !Number.isFinite(layout.width) ? undefined : layout.width;
  const defaultLoss = (rule: Rule): LossModel | undefined => lossModels.find((model) => model.id === rule.defaultLoss);
  const ruleRows = rules.map((rule) => {
    const loss = defaultLoss(rule);
    const a = loss ? paramsExponent(rule, loss) : rule.kind === 'power-law' ? rule.exponent : Number.NaN;
    const growth = Number.isFinite(a) ? [`×${formatNumber(10 ** a)}`, `×${formatNumber(10 ** (1 - a))}`] : ['?', '?'];
    return [
      style.accent(rule.id),
      KIND_LABEL[rule.kind],
      ...growth,
      rule.kind === 'loss-optimal' && !rule.fittedOn ? "the loss model's" : describeFittedOn(rule.fittedOn),
    ];
  });
  const ruleHead = ['rule', 'kind', 'N/10×', 'D/10×', 'runs fitted on'].map(style.bold);
  const lossRows = lossModels.map((model) => [
    style.accent(model.id),
    model.form === 'chinchilla'
      ? `E + A/N^α + B/D^β: E=${model.E} A=${model.A} B=${model.B} α=${model.alpha} β=${model.beta}`
      : `[(Nc/N)^(αN/αD) + Dc/D]^αD: αN=${model.alphaN} αD=${model.alphaD} Nc=${formatScientific(model.Nc, 2)} Dc=${formatScientific(model.Dc, 2)}`,
    describeFittedOn(model.fittedOn),
  ]);
  const lossHead = ['loss model', 'form and constants', 'runs fitted on'].map(style.bold);
  const fold = (text: string, indent: string): string[] => (width === undefined ? [`${indent}${text}`] : wrapText(text, Math.max(24, width - indent.length)).map((line) => `${indent}${line}`));
  const details = (preset: Rule | LossModel, law: string, extra: string): string[] => [
    [style.accent(preset.id), ...('aliases' in preset && preset.aliases?.length ? [style.dim(`(alias ${preset.aliases.join(', ')})`)] : [])].join(' '),
    ...fold(`${preset.name}${extra}`, '  '),
    ...fold(law, '  '),
    ...fold(`Source: ${preset.source}`, '  '),
    ...(preset.fittedOn ? fold(`Fitted on: ${preset.fittedOn.data}`, '  ') : []),
    ...(preset.notes ? fold(preset.notes, '  ') : []),
  ];
  const lossGrid =
    width === undefined
      ? renderGrid(lossHead, lossRows)
      : renderWrappedGrid(lossHead, lossRows, { widths: [Math.max(...lossModels.map((model) => model.id.length)), Math.max(24, width - 52), 24] });
  return [
    renderGrid(ruleHead, ruleRows, { alignRight: [2, 3], ...(width === undefined ? {} : { maxWidth: width }) }),
    style.dim('N/10×, D/10×: growth per 10× compute under the default loss model.'),
    style.dim("Runs fitted on: parameters (N), tokens (D), FLOPs (C) of each law's runs."),
    '',
    lossGrid,
    '',
    style.bold('Rules'),
    ...rules.flatMap((rule) => details(rule, describeLaw(rule), `; scored by ${rule.defaultLoss} unless --loss.`)),
    '',
    style.bold('Loss models'),
    ...lossModels.flatMap((model) => details(model, `Loss on ${model.dataset}; N counts ${model.parameterCount === 'all' ? 'all parameters' : 'non-embedding parameters'}.`, '')),
    '',
  ].join('\n');
}
