import type { Accelerator, LossModel, Rule } from '../domain/presets.js';
import { defaultPrecision } from '../core/hardware.js';
import { formatNumber, formatScientific } from '../core/format.js';
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

/** `llm-plan rules`: the scaling rules with their per-10× growth, then the loss models. */
export function renderRulesTable(rules: readonly Rule[], lossModels: readonly LossModel[], style: Style, layout: ListLayout = {}): string {
  const defaultLoss = (rule: Rule): LossModel | undefined => lossModels.find((model) => model.id === rule.defaultLoss);
  const ruleRows = rules.map((rule) => {
    const loss = defaultLoss(rule);
    const a = loss ? paramsExponent(rule, loss) : rule.kind === 'power-law' ? rule.exponent : Number.NaN;
    const growth = Number.isFinite(a) ? [`×${formatNumber(10 ** a)}`, `×${formatNumber(10 ** (1 - a))}`] : ['?', '?'];
    const anchor =
      rule.kind === 'power-law'
        ? `N=${formatNumber(rule.anchor.params)} at C=${formatScientific(rule.anchor.flops)}`
        : `under ${rule.defaultLoss}`;
    return [
      [style.accent(rule.id), ...(rule.aliases?.length ? [style.dim(`(${rule.aliases.join(', ')})`)] : [])].join(' '),
      rule.kind,
      ...growth,
      anchor,
      rule.defaultLoss,
    ];
  });
  const ruleHead = ['rule', 'kind', 'N per 10×', 'D per 10×', 'anchor', 'scored by'].map(style.bold);
  const lossRows = lossModels.map((model) => [
    style.accent(model.id),
    model.form === 'chinchilla'
      ? `E + A/N^α + B/D^β: E=${model.E} A=${model.A} B=${model.B} α=${model.alpha} β=${model.beta}`
      : `[(Nc/N)^(αN/αD) + Dc/D]^αD: αN=${model.alphaN} αD=${model.alphaD} Nc=${formatScientific(model.Nc, 2)} Dc=${formatScientific(model.Dc, 2)}`,
    `${model.dataset}${model.parameterCount === 'non-embedding' ? '; N = non-embedding' : ''}`,
  ]);
  const lossHead = ['loss model', 'form and constants', 'data'].map(style.bold);
  const sources = (presets: ReadonlyArray<Rule | LossModel>) => presets.map((preset) => `  ${style.accent(preset.id)}: ${preset.source}`);
  const growthNote = 'Per-10× growth of parameters (N) and tokens (D); optimal depends on the loss model that scores it.';
  const full = [
    renderGrid(ruleHead, ruleRows),
    style.dim(growthNote),
    '',
    renderGrid(lossHead, lossRows),
    '',
    style.bold('Sources'),
    ...sources(rules),
    ...sources(lossModels),
    '',
  ].join('\n');
  const width = layout.width ?? Infinity;
  if (layout.wide || widest(full) <= width) return full;

  // Narrow: kinds and aliases leave the rule table (aliases get a line of their own); each loss
  // model's form, constants and data stack in one cell; sources wrap under their id.
  const narrowRuleRows = ruleRows.map(([, , ...rest], index) => [style.accent(rules[index]?.id ?? ''), ...rest]);
  const aliases = rules.flatMap((rule) => (rule.aliases ?? []).map((alias) => `${alias} = ${rule.id}`));
  const stacked = lossModels.map((model, index) => {
    const [formula = '', constants = ''] = (lossRows[index]?.[1] ?? '').split(': ');
    const data = wrapText(`data: ${lossRows[index]?.[2] ?? ''}`, Math.max(20, width - 15));
    return [style.accent(model.id), [formula, ...wrapText(constants, Math.max(20, width - 15)), ...data].join('\n')];
  });
  const wrappedSources = (presets: ReadonlyArray<Rule | LossModel>) =>
    presets.flatMap((preset) =>
      wrapText(`${preset.id}: ${preset.source}`, width - 4).map((line, index) => (index === 0 ? `  ${line.replace(preset.id, style.accent(preset.id))}` : `    ${line}`)),
    );
  return [
    renderGrid(['rule', 'N per 10×', 'D per 10×', 'anchor', 'scored by'].map(style.bold), narrowRuleRows, { maxWidth: width }),
    ...[growthNote, ...(aliases.length > 0 ? [`Aliases: ${aliases.join(', ')}. Kinds: 'llm-plan rules --wide'.`] : [])].flatMap((line) => wrapText(line, width)).map(style.dim),
    '',
    renderGrid(['loss model', 'form, constants and data'].map(style.bold), stacked, { maxWidth: width }),
    '',
    style.bold('Sources'),
    ...wrappedSources(rules),
    ...wrappedSources(lossModels),
    '',
  ].join('\n');
}

