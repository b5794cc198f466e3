import type { Accelerator, FittedOn, LossModel, Rule } from '../domain/presets.js';
import { defaultPrecision } from '../core/hardware.js';
import { formatCount, formatNumber, formatScientific } from '../core/format.js';
import { paramsExponent } from '../core/rules.js';
import { renderGrid } from './grid.js';
import { renderWrappedGrid } from './wrapped-grid.js';
import type { Style } from './style.js';

const PRECISIONS = ['fp32', 'tf32', 'fp16', 'bf16', 'fp8'] as const;

/** `llm-plan gpus`: one row per accelerator, dense TFLOP/s per precision (`—` = unsupported). */
export function renderAcceleratorTable(accelerators: readonly Accelerator[], style: Style, width?: number): string {
  const rows = accelerators.map((gpu) => [
    style.accent(gpu.id),
    [gpu.name, ...(gpu.aliases?.length ? [style.dim(`(${gpu.aliases.join(', ')})`)] : [])].join(' '),
    `${gpu.memoryGB} GB`,
    ...PRECISIONS.map((precision) => {
      const tflops = gpu.denseTflops[precision];
      if (tflops === undefined) return style.dim('—');
      const text = String(tflops);
      return precision === defaultPrecision(gpu) ? style.bold(`${text}*`) : text;
    }),
    gpu.confidence,
    gpu.source,
  ]);
  const head = ['id', 'name (aliases)', 'memory', ...PRECISIONS, 'confidence', 'source'].map(style.bold);
  // On a terminal the source column wraps to fit; in a pipe lines stay whole for grep.
  const widths = width === undefined ? undefined : presetWidths(head.length, width, [16, 30, 8, 6, 6, 7, 7, 7, 14]);
  const alignRight = [2, 3, 4, 5, 6, 7];
  const table = widths ? renderWrappedGrid(head, rows, { alignRight, widths }) : renderGrid(head, rows, { alignRight });
  return `${table}\n\n${style.dim('Dense tensor TFLOP/s per precision; * = the default precision. Sources: shared/reference/accelerators.md.')}\n`;
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
export function renderRulesTable(rules: readonly Rule[], lossModels: readonly LossModel[], style: Style, width?: number): string {
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
    renderGrid(ruleHead, ruleRows, { alignRight: [2, 3] }),
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

/** Greedy word wrap at `width` characters (words longer than the width stay whole). */
function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Fixed widths for every column but the last, which takes what is left of the terminal (at least 24). */
function presetWidths(columns: number, width: number, fixed: readonly number[]): Array<number | undefined> {
  const used = fixed.reduce((sum, column) => sum + column + 2, 0);
  const widths: Array<number | undefined> = [...fixed];
  while (widths.length < columns - 1) widths.push(undefined);
  widths.push(Math.max(24, width - used));
  return widths;
}
