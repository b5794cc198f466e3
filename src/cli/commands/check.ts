import type { Command } from 'commander';
import { commandSummary } from './summaries.js';
import { EXIT } from '../exit-code.js';
import { renderJson, renderJsonLine } from '../../render/json.js';
import { chooseFormat } from '../format-option.js';
import { addExamples, formatTwoColumns, wrapParagraphs, type Example } from '../help.js';
import { styleFor, widthFor, type CommandContext, type OutputOptions } from '../context.js';
import { loadCatalog } from '../load-catalog.js';
import { streamStdout, writeRows } from '../stream-output.js';
import { addOutputOptions } from './shared-options.js';

const CHECK_EXAMPLES: readonly Example[] = [
  ['llm-plan check tests/fixtures/check/plans.yaml', 'PASS or FAIL per config; exit 1 on a violation'],
  ['git show HEAD:plans.yaml | llm-plan check - --json', 'the report as llm-plan/check@1'],
  ['llm-plan check plans.yaml --format ndjson', 'one check-result@1 line per config'],
];

const CHECK_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['name, params, tokens (or flops)', 'the training run'],
  ['budget (+ gpu, mfu, precision, price)', 'over-budget: 6·N·D above the budget × (1 + budgetTolerance, default 0)'],
  ['rule (default deepmind), tolerance', 'off-optimum: |N/N_opt − 1| above tolerance (default 0.25)'],
  ['minTokensPerParam, maxTokensPerParam', 'tokens-per-param-low, tokens-per-param-high'],
  ['loss, maxLoss', "loss-above-max (loss: the model, default the rule's)"],
  ['maxFlops', "flops-above-max (1e25: the EU AI Act's systemic-risk threshold)"],
];

function checkHelp(width: number): string {
  return [
    '',
    ...wrapParagraphs("A file holds one config, a list, or configs: [...]. Fields (counts as numbers or '70B', '1.4T'):", width).split('\n'),
    formatTwoColumns(CHECK_FIELDS, width),
    '',
    'Example (plans.yaml):',
    '  configs:',
    '    - name: llama-70b',
    '      params: 70B',
    '      tokens: 100B',
    '',
    wrapParagraphs('Exit codes: 0 all pass, 1 a violation, 2 invalid file. GITHUB_ACTIONS=true adds ::error annotations.', width),
    wrapParagraphs('JSON Schemas: llm-plan schema check (the --json report), llm-plan schema check-file (the file).', width),
    '',
  ].join('\n');
}

interface CheckOptions extends OutputOptions {
  readonly allowOverride?: boolean;
  readonly format?: string;
}

const CHECK_FORMATS = ['table', 'json', 'ndjson'] as const;

/**
 * `llm-plan check FILE`: a CI gate. Exit 0 when every config passes, 1 when any violates a limit,
 * 2 when the file is invalid. Under GitHub Actions it also prints `::error` annotations.
 */
export function registerCheckCommand(program: Command, { io, setExitCode }: CommandContext): void {
  addOutputOptions(
    addExamples(
      program
        .command('check')
        .description(commandSummary('check'))
        .argument('<file>', 'the config file, or - for stdin')
        .addHelpText('after', () => checkHelp(widthFor(io))),
      io,
      CHECK_EXAMPLES,
    ),
  )
    .option('--allow-override', 'let LLM_PLAN_PRESETS presets replace built-in ones with the same id')
    .option('--format <format>', 'table, json (one check@1 report) or ndjson (one check-result@1 line per config)')
    .action(async (path: string, options: CheckOptions) => {
      const format = chooseFormat(options, CHECK_FORMATS);
      const catalog = await loadCatalog(io, { allowOverride: options.allowOverride });
      const [{ loadCheckTargets }, { checkConfig, createCheckDocument }, { renderCheckText, renderGithubAnnotations }] = await Promise.all([
        import('../check-targets.js'),
        import('../../core/check.js'),
        import('../../render/check-text.js'),
      ]);
      const { file, targets } = await loadCheckTargets(path, io, catalog);
      const report = createCheckDocument(file, targets.map(checkConfig));
      const annotations = io.env.GITHUB_ACTIONS === 'true' ? renderGithubAnnotations(report) : '';
      if (format === 'ndjson') {
        // One line per config, so a pipeline can filter results without parsing a whole report.
        const results = report.results;
        await writeRows(streamStdout(io), results.length, (index) => renderJsonLine({ schema: 'llm-plan/check-result@1', file: report.file, ...results[index] }));
        if (annotations) io.stderr(annotations);
      } else if (format === 'json') {
        await streamStdout(io)(renderJson(report));
        // stdout stays one JSON document; the runner reads workflow commands from stderr as well.
        if (annotations) io.stderr(annotations);
      } else {
        await streamStdout(io)(renderCheckText(report, await styleFor(io, options), widthFor(io)) + annotations);
      }
      setExitCode(report.passed ? EXIT.ok : EXIT.violation);
    });
}
