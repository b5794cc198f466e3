import { commandSummary } from './summaries.js';
import type { Command } from 'commander';
import { renderJson } from '../../render/json.js';
import { badInput } from '../../domain/errors.js';
import { styleFor, widthFor, type CommandContext, type OutputOptions } from '../context.js';
import { loadCatalog } from '../load-catalog.js';
import { parseSize, plotFromOptions, type PlotDocument, type PlotOptions } from '../plot-options.js';
import { writeFigure } from '../write-output.js';
import { formatNumber } from '../../core/format.js';
import type { Hardware } from '../../core/hardware.js';
import { resolveHardwareOptions } from '../../request/plan.js';
import { addOutputOptions } from './shared-options.js';
import { addExamples, type Example } from '../help.js';

const EXAMPLES: readonly Example[] = [
  ['llm-plan plot --budget 5000gpuh --gpu v100', "IsoFLOP valley, every rule's plan marked"],
  ['llm-plan plot --budget 1e21flops,1e22flops,1e23flops', 'one curve per budget'],
  ['llm-plan plot --budget 1e21flops..1e25flops --frontier', 'optimal N and D against compute'],
  ['llm-plan plot --budget 5000gpuh --gpu v100 --svg plan.svg', 'the same figure as an SVG file'],
];

/** Terminal plot defaults: rows of each plotting area (the width is the output's, widthFor). */
const DEFAULT_HEIGHT = { isoflop: 16, frontier: 10 } as const;

/** `llm-plan plot`: IsoFLOP curves or the compute-optimal frontier, in the terminal or as SVG. */
export function registerPlotCommand(program: Command, { io }: CommandContext): void {
  const command = addExamples(program.command('plot').description(commandSummary('plot')), io, EXAMPLES)
    .option('-b, --budget <budgets>', 'a budget, a comma-separated list of budgets, or LO..HI with --frontier')
    .option('-g, --gpu <id>', "accelerator preset id or alias (see 'llm-plan gpus'), or a preset file path")
    .option('--precision <precision>', 'training precision: fp32, tf32, fp16, bf16, fp8 (default bf16, else fp16)')
    .option('--mfu <fraction>', 'model FLOPs utilisation in (0, 1], or a percentage (default 0.40)')
    .option('-r, --rule <id>', 'scaling rule to mark (llm-plan rules), or all (default: openai, deepmind and optimal); or a file path')
    .option('-l, --loss <id>', 'loss model that draws the curves: hoffmann2022, hoffmann2022-unrounded, besiroglu2024, kaplan2020; or a file path')
    .option('--price <usd>', 'price in USD per GPU-hour (needed for a $ budget)')
    .option('--baseline <N:D>', 'anchor power-law rules at your own run of N parameters on D tokens (1B:20B)')
    .option('--frontier', 'plot optimal parameters and tokens against compute over --budget LO..HI')
    .option('--models', 'place real training runs (GPT-3, Chinchilla, Llama 3, …) on the frontier, labelled; alone, over their compute')
    .option('--width <columns>', 'terminal plot width in columns (default: the terminal width, else 80)')
    .option('--height <rows>', 'rows of each terminal plotting area (default 16; 10 per panel with --frontier)')
    .option('--svg <file>', 'write the figure as a standalone SVG file instead of drawing it (- for stdout)')
    .option('--allow-override', 'let LLM_PLAN_PRESETS presets replace built-in ones with the same id');
  addOutputOptions(command).action(async (options: PlotOptions & OutputOptions & { readonly allowOverride?: boolean }) => {
    if (options.svg === '-' && options.json) {
      throw badInput('--svg - and --json both write to stdout', 'write the SVG to a file (--svg plot.svg) beside --json, or drop one of them');
    }
    // Preset files and LLM_PLAN_PRESETS resolve as for a plan (a --gpu path was an internal error).
    const catalog = await loadCatalog(io, options);
    const plot = plotFromOptions(options, catalog);
    const width = parseSize(options.width, '--width', Math.max(40, widthFor(io)), 40, 1000);
    const height = parseSize(options.height, '--height', DEFAULT_HEIGHT[plot.kind], 3, 200);
    if (options.svg !== undefined) {
      const svg = await renderSvg(plot, resolveHardwareOptions(options, catalog).hardware);
      if (options.svg === '-') return io.stdout(svg);
      writeFigure(options.svg, svg, io);
    }
    if (options.json) return io.stdout(renderJson(plot));
    if (options.svg !== undefined) return;
    const { renderFrontierTerminal, renderIsoflopTerminal } = await import('../../render/plot-terminal.js');
    const style = await styleFor(io, options);
    io.stdout(plot.kind === 'frontier' ? renderFrontierTerminal(plot, { width, height }, style) : renderIsoflopTerminal(plot, { width, height }, style));
  });
}

/** d3 is only loaded here, when an SVG is asked for. */
async function renderSvg(plot: PlotDocument, hardware: Hardware | undefined): Promise<string> {
  const { renderFrontierSvg, renderIsoflopSvg } = await import('../../render/plot-svg.js');
  if (plot.kind === 'frontier') return renderFrontierSvg(plot);
  // The plan's hardware line, for the figure's title: what the budget bought.
  const line = hardware
    ? `${hardware.name} · ${hardware.precision} · ${formatNumber(hardware.peakFlops / 1e12)} TFLOP/s peak × MFU ${hardware.mfu.toFixed(2)}`
    : undefined;
  return renderIsoflopSvg(plot, line ? { hardware: line } : {});
}
