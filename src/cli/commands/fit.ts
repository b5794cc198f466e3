import { commandSummary } from './summaries.js';
import { Option, type Command } from 'commander';
import { badInput } from '../../domain/errors.js';
import { renderJson, renderJsonLine } from '../../render/json.js';
import { styleFor, widthFor, type CommandContext, type OutputOptions } from '../context.js';
import { chooseFormat } from '../format-option.js';
import { fitRuns, readFitFlags, type FitFlags } from '../../request/fit.js';
import { withProgressBar } from '../progress.js';
import { readTextInput } from '../read-input.js';
import { streamStdout } from '../stream-output.js';
import { writeFigure } from '../write-output.js';
import { addOutputOptions } from './shared-options.js';
import { addExamples, type Example } from '../help.js';

const FIT_FORMATS = ['table', 'json', 'ndjson'] as const;

const FIT_EXAMPLES: readonly Example[] = [
  ['llm-plan fit runs.csv', 'fitted E, A, B, α, β, implied exponent, tokens/param'],
  ['llm-plan fit runs.csv --json > my-law.json', 'the fitted law as a loss-model preset'],
  ['llm-plan fit runs.csv --bootstrap 1000 --json', 'plus 95% percentile intervals (seeded: --seed)'],
  ['llm-plan fit runs.csv --budgets 1e22flops,1e24flops', 'compute-optimal N and D at these budgets'],
  ['cat runs.jsonl | llm-plan fit - --format ndjson', 'runs from stdin; the law as one JSON line'],
  ['llm-plan fit runs.csv --svg fit.svg', 'also draw the runs against the fitted law'],
];

const FIT_INPUT = `Input: CSV with a header (columns params|N|Model Size, tokens|D and/or flops|C|Training FLOP, loss; any case), a JSON array of such objects, or NDJSON. Tokens are flops/(6·params) when not given.
`;

/** `llm-plan fit <file|->`: fit L = E + A/N^α + B/D^β to your own runs (Hoffmann et al. 2022 §3.3). */
export function registerFitCommand(program: Command, { io }: CommandContext): void {
  const command = program
    .command('fit')
    .description(commandSummary('fit'))
    .argument('<file>', 'runs file, or - for stdin')
    .addOption(new Option('--format <format>', 'table, json (the law as a loss-model preset) or ndjson (the same on one line)'))
    .option('--drop-top-loss <count>', 'exclude the K highest-loss runs first (Epoch AI drop 5 of Chinchilla\'s)')
    .option('--delta <number>', 'Huber δ on log loss (default 1e-3, as Chinchilla)')
    .option('--bootstrap <samples>', 'resample the runs B times and report 95% percentile intervals')
    .option('--seed <integer>', 'seed of the bootstrap resampling (default 0)')
    .option('--budgets <list>', 'comma-separated FLOP or PF-day budgets for the compute-optimal N and D (default 1e24flops)')
    .option('--svg <file>', 'also write the runs against the fitted law as a standalone SVG file');
  addExamples(command, io, FIT_EXAMPLES, FIT_INPUT);
  addOutputOptions(command).action(async (file: string, flags: FitFlags & OutputOptions & { readonly format?: string; readonly svg?: string }) => {
    const format = chooseFormat(flags, FIT_FORMATS);
    const settings = readFitFlags(flags);
    if (flags.svg === '-') throw badInput('fit --svg needs a file name: stdout carries the fit', 'for example --svg fit.svg');
    const { name, text } = await readTextInput(file, io, 'runs');
    const { parseRuns } = await import('../../core/fit/parse-runs.js');
    // The clock is read here, at the edge; the pipeline takes the date as data.
    const date = new Date().toISOString().slice(0, 10);
    const labels = { fit: 'fit      ', bootstrap: 'bootstrap' } as const;
    const { document, runs, fit } = fitRuns(parseRuns(text, name), settings, { input: name, date }, {
      progress: (phase, run) => withProgressBar(io, labels[phase], run),
      warn: (message) => io.stderr(`llm-plan: warning: ${message}\n`),
    });
    if (flags.svg !== undefined) {
      // d3 is loaded only here, when a figure is asked for.
      const { renderFitSvg } = await import('../../render/fit-svg.js');
      writeFigure(flags.svg, renderFitSvg(runs, fit.params), io);
    }
    const write = streamStdout(io);
    if (format === 'json') return write(renderJson(document));
    if (format === 'ndjson') return write(renderJsonLine(document));
    const { renderFitTable } = await import('../../render/fit-table.js');
    await write(renderFitTable(document, await styleFor(io, flags), widthFor(io)));
  });
}
