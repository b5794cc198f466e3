import type { Accelerator, LossModel, Rule } from '../domain/presets.js';
import { defaultPrecision } from '../core/hardware.js';
import { formatNumber, formatScientific } from '../core/format.js';
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

/** `llm-plan rules`: the scaling rules with their per-10× growth, then the loss models. */
export function renderRulesTable(rules: readonly Rule[], lossModels: readonly LossModel[], style: Style): string {
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
  return [
    renderGrid(ruleHead, ruleRows),
    style.dim('Per-10× growth of parameters (N) and tokens (D); optimal depends on the loss model that scores it.'),
    '',
    renderGrid(lossHead, lossRows),
    '',
    style.bold('Sources'),
    ...sources(rules),
    ...sources(lossModels),
    '',
  ].join('\n');
}

/** Fixed widths for every column but the last, which takes what is left of the terminal (at least 24). */
function presetWidths(columns: number, width: number, fixed: readonly number[]): Array<number | undefined> {
  const used = fixed.reduce((sum, column) => sum + column + 2, 0);
  const widths: Array<number | undefined> = [...fixed];
  while (widths.length < columns - 1) widths.push(undefined);
  widths.push(Math.max(24, width - used));
  return widths;
}
