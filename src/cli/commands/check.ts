import type { Command } from 'commander';
import { commandSummary } from './summaries.js';
import { EXIT } from '../exit-code.js';
import { renderCompactJson, renderJson } from '../../render/json.js';
import { chooseFormat } from '../format-option.js';
import { addExamples, formatTwoColumns, wrapParagraphs, type Example } from '../help.js';
import { styleFor, widthFor, type CommandContext, type OutputOptions } from '../context.js';
import { loadCatalog } from '../load-catalog.js';
import { streamStdout, writeLines } from '../stream-output.js';
import { addOutputOptions } from './shared-options.js';

const CHECK_EXAMPLES: readonly Example[] = [
  ['llm-plan check tests/fixtures/check/plans.yaml', 'PASS or FAIL per config; exit 1 on a violation'],
  ['git show HEAD:plans.yaml | llm-plan check - --json', 'the report as llm-plan/check@1'],
  ['llm-plan check plans.yaml --format ndjson', 'one check-result@1 line per config'],
  ['llm-plan check a.yaml b.yaml configs/ --format junit', 'several files and directories, as JUnit XML'],
];

const CHECK_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['name, params, tokens (or flops)', 'the training run'],
  ['budget (+ gpu, mfu, precision, price)', 'over-budget: 6·N·D above the budget × (1 + budgetTolerance, default 0)'],
  ['rule (default deepmind), tolerance', 'off-optimum: |N/N_opt − 1| above tolerance (default 0.25)'],
  ['minTokensPerParam, maxTokensPerParam', 'tokens-per-param-low, tokens-per-param-high'],
  ['loss, maxLoss', "loss-above-max (loss: the model, default the rule's)"],
  ['maxFlops', "flops-above-max (1e25: the EU AI Act's systemic-risk threshold)"],
  ['maxDays (+ gpu, gpus, mfu)', 'days-above-max: wall-clock days on gpus × gpu'],
  ['maxCost (+ gpu, price, mfu)', 'cost-above-max: USD at price per GPU-hour'],
  ['gpus (+ gpu, arch, layout, zero, …)', "does-not-fit: no layout of the plan's search fits in GPU memory (schema check-file lists every field)"],
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
    wrapParagraphs('Several files, or directories (their *.yaml, *.yml and *.json), make one report.', width),
    wrapParagraphs(
      "Exit codes: 0 all pass, 1 a violation, 2 an invalid file. GITHUB_ACTIONS=true adds ::error and ::warning annotations at the config's lines; GITHUB_STEP_SUMMARY gets the markdown report.",
      width,
    ),
    wrapParagraphs('JSON Schemas: llm-plan schema check (the --json report), llm-plan schema check-file (the file).', width),
    '',
  ].join('\n');
}

interface CheckOptions extends OutputOptions {
  readonly allowOverride?: boolean;
  readonly format?: string;
}

const CHECK_FORMATS = ['table', 'json', 'ndjson', 'markdown', 'junit'] as const;

/**
 * `llm-plan check FILE...`: a CI gate. Exit 0 when every config passes, 1 when any violates a limit,
 * 2 when a file is invalid. Under GitHub Actions it also prints annotations and writes the job summary.
 */
export function registerCheckCommand(program: Command, { io, setExitCode }: CommandContext): void {
  addOutputOptions(
    addExamples(
      program
        .command('check')
        .description(commandSummary('check'))
        .argument('<files...>', 'config files or directories, or - for stdin')
        .addHelpText('after', () => checkHelp(widthFor(io))),
      io,
      CHECK_EXAMPLES,
    ),
  )
    .option('--allow-override', 'let LLM_PLAN_PRESETS presets replace built-in ones with the same id')
    .option('--format <format>', 'table, json (one check@1 report), ndjson (one check-result@1 line per config), markdown or junit (JUnit XML)')
    .action(async (paths: string[], options: CheckOptions) => {
      const format = chooseFormat(options, CHECK_FORMATS);
      const catalog = await loadCatalog(io, { allowOverride: options.allowOverride });
      const [{ runCheck }, { renderCheckText, renderGithubAnnotations }] = await Promise.all([import('../check-run.js'), import('../../render/check-text.js')]);
      const { report, errors } = await runCheck(paths, io, catalog);
      // The first invalid file (and how many more) in the usual two lines; the report lists them all.
      io.stderr(errors);
      const annotations = io.env.GITHUB_ACTIONS === 'true' ? renderGithubAnnotations(report) : '';
      const nothingChecked = report.results.length === 0;
      if (format === 'markdown' || format === 'junit') {
        // A report file for a CI system: written even when no file could be read, so the reader sees why.
        const rendered = format === 'markdown' ? (await import('../../render/check-markdown.js')).renderCheckMarkdown(report) : (await import('../../render/check-junit.js')).renderCheckJunit(report);
        await streamStdout(io)(rendered);
        if (annotations) io.stderr(annotations);
      } else if (format === 'ndjson') {
        // One line per config, so a pipeline can filter results without parsing a whole report.
        const results = report.results;
        await writeLines(streamStdout(io), results.length, (index) => {
          const result = results[index];
          return renderCompactJson({ schema: 'llm-plan/check-result@1', ...result, file: result?.file ?? report.file });
        });
        if (annotations) io.stderr(annotations);
      } else if (format === 'json') {
        if (!nothingChecked) await streamStdout(io)(renderJson(report));
        // stdout stays one JSON document; the runner reads workflow commands from stderr as well.
        if (annotations) io.stderr(annotations);
      } else {
        // Annotations follow the report on stdout; with no report (no file could be read), stdout stays empty.
        if (nothingChecked) io.stderr(annotations);
        else await streamStdout(io)(renderCheckText(report, await styleFor(io, options), widthFor(io)) + annotations);
      }
      const summaryPath = io.env.GITHUB_STEP_SUMMARY;
      if (summaryPath) {
        const [{ appendStepSummary }, { renderCheckMarkdown }] = await Promise.all([import('../check-run.js'), import('../../render/check-markdown.js')]);
        appendStepSummary(summaryPath, renderCheckMarkdown(report), io);
      }
      setExitCode(report.invalid.length > 0 ? EXIT.usage : report.passed ? EXIT.ok : EXIT.violation);
    });
}
