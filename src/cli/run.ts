import { Command, CommanderError } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { PlanError } from '../domain/errors.js';
import { suggest } from '../domain/suggest.js';
import { wrapText } from '../render/wrap.js';
import { registerPlanCommand } from './commands/plan.js';
import { COMMANDS, commandsToLoad } from './commands/registry.js';
import type { CommandContext } from './context.js';
import { EXIT, describeError, exitCodeFor } from './exit-code.js';
import type { CliIo } from './io.js';
import { widthFor } from './context.js';
import { configureHelpFor, formatExamples, wrapParagraphs, type Example } from './help.js';

/** The plan's examples, first in `llm-plan --help`. */
const EXAMPLES: readonly Example[] = [
  ['llm-plan --budget 5000gpuh --gpu v100', 'plan a 5,000 GPU-hour run on V100s'],
  ['llm-plan --budget 5000gpuh --gpu v100 --rule openai', "the same budget under Kaplan et al.'s rule"],
  ['llm-plan --budget 2e23flops --rule all --json', 'every rule side by side, as JSON'],
  ['llm-plan --budget 10pfd', 'a budget in petaflop/s-days'],
  ['llm-plan --params 7e9 --gpu h100', 'tokens, FLOPs and GPU-hours for a 7B model'],
  ['llm-plan --tokens 2T --rule deepmind', 'the compute-optimal model for 2T tokens'],
  ['llm-plan --target-loss 2.0 --gpu a100', 'the cheapest run reaching loss 2.0'],
  ['llm-plan --budget 1e22flops --baseline 1B:20B --rule openai', 'the rule anchored at your own run'],
  ['llm-plan --budget 5000gpuh --gpu v100 --range --loss all', 'spread across fits and loss models'],
  ['llm-plan sweep --budget 1e3gpuh..1e6gpuh --steps 7 --gpu h100 --format csv', ''],
  ["llm-plan --budget '$50k' --price 2.1 --gpu h100 --mfu 0.45", 'a money budget'],
  ['llm-plan --budget 50000gpuh --gpu a100 --gpus 256 --zero 1', 'wall-clock days and memory per GPU'],
  ['llm-plan --budget 50000gpuh --gpu a100 --days 14', 'the GPUs that finish it in 14 days'],
  ['llm-plan --params 7e9 --shape --hyperparams', 'layers, width, heads; batch size and learning rate'],
  ['llm-plan --budget 1e23flops --unique-tokens 300B', 'epochs, effective data, the data-constrained optimum'],
  ['llm-plan --params 13e9 --inference-tokens 2T', 'a smaller model with less lifetime compute'],
  ['llm-plan gpus', 'the accelerator presets'],
  ['llm-plan rules', 'the scaling rules and loss models'],
  ['llm-plan models', 'GPT-3, Chinchilla, Llama 3, … against each rule (N/N_opt)'],
  ['llm-plan --budget 1e23flops --format markdown', 'a plan for a PR comment (also csv, ndjson)'],
  [`echo '{"budget":"5000gpuh","gpu":"v100"}' | llm-plan --input -`, 'a plan request as JSON'],
  ['llm-plan --budget 1e22flops --gpu ./my-gpu.json', 'a user preset file (LLM_PLAN_PRESETS=dir adds a directory)'],
  ['llm-plan check plans.yaml', 'CI gate: exit 1 when a config breaks a limit'],
  ['llm-plan schema plan', 'the JSON Schema of the --json output'],
  ['llm-plan completion bash > /etc/bash_completion.d/llm-plan', 'shell completion'],
  ['llm-plan fit runs.csv --json > my-law.json', 'fit your own scaling law to your runs'],
];

/** The few examples of the concise help that bare `llm-plan` prints. */
const FIRST_EXAMPLES: readonly Example[] = [
  ['llm-plan --budget 5000gpuh --gpu v100', 'plan a 5,000 GPU-hour run on V100s'],
  ['llm-plan --params 7e9 --gpu h100', 'tokens and GPU-hours for a 7B model'],
  ['llm-plan --budget 2e23flops --rule all', 'every scaling rule side by side'],
  ['llm-plan gpus', 'the accelerator presets'],
  ['llm-plan fit runs.csv', 'fit your own scaling law to your runs'],
];

const BUDGETS = `Budgets: 5000gpuh, 5k gpu-hours, 200gpud, 1e23flops, 3.6e21 flop, 10pfd, $50000, 50k usd (SI suffixes k, M, B/G, T). A GPU-time or money budget needs --gpu; money also needs --price.
`;

const EXIT_CODES = `Exit codes: 0 success, 1 'check' found a violation, 2 bad input or invalid file, 70 internal error (a bug).`;

/**
 * Runs llm-plan with `argv` (without the node and script paths) and returns the exit code.
 * The only function that turns errors into exit codes; it never ends the process itself.
 */
export async function run(given: readonly string[], io: CliIo): Promise<number> {
  // Bare `llm-plan`: the concise help, not an error (there is nothing to plan yet).
  if (given.length === 0) {
    io.stdout(conciseHelp(widthFor(io)));
    return EXIT.ok;
  }
  let argv: readonly string[];
  try {
    argv = normaliseArgv(given);
  } catch (error) {
    io.stderr(describeError(error, Boolean(io.env.LLM_PLAN_DEBUG)));
    return exitCodeFor(error);
  }
  let exitCode: number = EXIT.ok;
  const program = await createProgram(argv, io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return handleCommanderError(error, program, io, argv);
    io.stderr(describeError(error, Boolean(io.env.LLM_PLAN_DEBUG)));
    return exitCodeFor(error);
  }
}

/**
 * The program with every command registered: what `llm-plan completion` reads (src/cli/completion-outline.ts;
 * scripts/build-cli.mjs calls this to precompute it).
 */
export function createFullProgram(io: CliIo): Promise<Command> {
  return createProgram([], io, () => {}, new Set(COMMANDS.map((command) => command.name)));
}

async function createProgram(argv: readonly string[], io: CliIo, setExitCode: (code: number) => void, load = commandsToLoad(argv)): Promise<Command> {
  const program = new Command('llm-plan');
  program
    .description('Plan a language-model pre-training run: parameters, tokens and expected loss for a compute budget.')
    .exitOverride()
    // Plan flags belong to the plan: after a command name they are that command's (or an error).
    .enablePositionalOptions()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} })
    .showSuggestionAfterError(true)
    .version(packageJson.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText('before', () => `${formatExamples(EXAMPLES, widthFor(io))}\n${wrapParagraphs(BUDGETS, widthFor(io))}`)
    .addHelpText('after', () => `\n${wrapParagraphs(EXIT_CODES, widthFor(io))}\n`);
  configureHelpFor(program, io);

  const context: CommandContext = { io, setExitCode, loadFullProgram: () => createFullProgram(io) };
  registerPlanCommand(program, context);
  // Building every command's options costs more start-up than the plan itself: only the command
  // that runs is loaded; the others are listed by name and summary for --help.
  const registrations = await Promise.all(COMMANDS.map((command) => (load.has(command.name) ? command.load() : undefined)));
  COMMANDS.forEach((command, index) => {
    const register = registrations[index];
    if (register) register(program, context);
    else program.command(command.name).description(command.summary).allowUnknownOption().allowExcessArguments().action(() => {
      throw new PlanError('internal', `the command '${command.name}' was run without being loaded`);
    });
  });
  return program;
}

/** Commander's own errors (unknown option, missing value, …) in our one-line format. */
function handleCommanderError(error: CommanderError, program: Command, io: CliIo, argv: readonly string[]): number {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
    return EXIT.ok;
  }
  const [first = '', ...rest] = error.message.replace(/^error:\s*/, '').split('\n');
  let message = first;
  let hint = rest.join(' ').replace(/^\(|\)$/g, '').trim();
  const sub = error.code === 'commander.excessArguments' ? program.commands.find((command) => command.name() === program.args[0]) : undefined;
  if (sub) {
    // A known command given one argument too many: name the extra argument, not the command.
    const extra = sub.args.slice(sub.registeredArguments.length);
    message = `unexpected argument${extra.length === 1 ? '' : 's'} ${extra.map((arg) => `'${arg}'`).join(' ')} for '${sub.name()}'`;
    hint = `see 'llm-plan ${sub.name()} --help'`;
  } else if (error.code === 'commander.excessArguments') {
    const commands = program.commands.map((command) => command.name());
    const word = program.args[0] ?? '';
    const guess = suggest(word, commands);
    message = `unknown command '${word}'${guess ? ` (did you mean '${guess}'?)` : ''}`;
    hint = `commands: ${commands.join(', ')}; to plan, give --budget (see 'llm-plan --help')`;
  }
  // An error inside a command points to that command's help (`check` without a file → check --help).
  const named = program.commands.find((command) => command.name() === argv[0]);
  const helpHint = named ? `see 'llm-plan ${named.name()} --help'` : "see 'llm-plan --help'";
  io.stderr(describeError(new PlanError('bad-input', message, hint || helpHint), false));
  return EXIT.usage;
}

/**
 * `plan` names the default command explicitly (`llm-plan plan --budget …`); `help` and
 * `help <command>` are `--help` and `<command> --help`.
 */
export function normaliseArgv(argv: readonly string[]): readonly string[] {
  const [first, second, ...rest] = argv;
  if (first === 'plan') return argv.slice(1).length === 0 ? ['--help'] : argv.slice(1);
  if (first === 'help') {
    if (second === undefined || second === 'plan') return ['--help'];
    if (COMMANDS.some((command) => command.name === second)) return [second, '--help', ...rest];
    throw new PlanError('bad-input', `no help for '${second}': it is not a command`, `commands: plan, ${COMMANDS.map((command) => command.name).join(', ')}`);
  }
  return argv;
}

/** What bare `llm-plan` prints: a few examples, then the commands; `--help` has every flag. */
export function conciseHelp(width: number): string {
  const commands: Example[] = [
    ['plan', 'the default: parameters, tokens and loss for a budget (--budget, --params, --tokens or --target-loss)'],
    ...COMMANDS.map((command): Example => [command.name, command.summary]),
  ];
  const nameWidth = Math.max(...commands.map(([name]) => name.length));
  const lines = [
    ...wrapParagraphs('llm-plan: how big a model, trained on how many tokens, for a compute budget, and how good it will be.', width).split('\n'),
    '',
    formatExamples(FIRST_EXAMPLES, width).trimEnd(),
    '',
    'Commands:',
    ...commands.flatMap(([name, summary]) =>
      wrapText(summary, Math.max(20, width - nameWidth - 4)).map((line, index) => `  ${(index === 0 ? name : '').padEnd(nameWidth)}  ${line}`),
    ),
    '',
    ...wrapParagraphs("Every flag: 'llm-plan --help'. A command's flags: 'llm-plan help <command>'.", width).split('\n'),
  ];
  return `${lines.join('\n')}\n`;
}
