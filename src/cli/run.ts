import { Command, CommanderError } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { PlanError } from '../core/errors.js';
import { suggest } from '../core/suggest.js';
import { registerPlanCommand } from './commands/plan.js';
import { registerPlotCommand } from './commands/plot.js';
import { registerGpusCommand, registerRulesCommand } from './commands/presets.js';
import { registerSweepCommand } from './commands/sweep.js';
import type { CommandContext } from './context.js';
import { EXIT, describeError, exitCodeFor } from './exit-code.js';
import type { CliIo } from './io.js';

const EXAMPLES = `Examples:
  llm-plan --budget 5000gpuh --gpu v100                 plan a 5,000 GPU-hour run on V100s
  llm-plan --budget 5000gpuh --gpu v100 --rule openai   the same budget under Kaplan et al.'s rule
  llm-plan --budget 2e23flops --rule all --json         every rule side by side, as JSON
  llm-plan --budget 10pfd                               a budget in petaflop/s-days
  llm-plan --params 7e9 --gpu h100                      tokens, FLOPs and GPU-hours for a 7B model
  llm-plan --tokens 2T --rule deepmind                  the compute-optimal model for 2T tokens
  llm-plan --target-loss 2.0 --gpu a100                 the cheapest run reaching loss 2.0
  llm-plan --budget 1e22flops --baseline 1B:20B --rule openai   the rule anchored at your own run
  llm-plan --budget 5000gpuh --gpu v100 --range --loss all      spread across fits and loss models
  llm-plan sweep --budget 1e3gpuh..1e6gpuh --steps 7 --gpu h100 --format csv
  llm-plan --budget '$50k' --price 2.1 --gpu h100 --mfu 0.45
  llm-plan gpus                                         the accelerator presets
  llm-plan rules                                        the scaling rules and loss models

Budgets: 5000gpuh, 5k gpu-hours, 200gpud, 1e23flops, 3.6e21 flop, 10pfd, $50000, 50k usd
(SI suffixes k, M, B/G, T). A GPU-time or money budget needs --gpu; money also needs --price.
`;

const EXIT_CODES = `
Exit codes: 0 success, 2 bad input, 70 internal error (a bug: please report it).
`;

/**
 * Runs llm-plan with `argv` (without the node and script paths) and returns the exit code.
 * The only function that turns errors into exit codes; it never ends the process itself.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = createProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return handleCommanderError(error, program, io);
    io.stderr(describeError(error, Boolean(io.env.LLM_PLAN_DEBUG)));
    return exitCodeFor(error);
  }
}

function createProgram(io: CliIo, setExitCode: (code: number) => void): Command {
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
    .addHelpText('before', EXAMPLES)
    .addHelpText('after', EXIT_CODES);

  const context: CommandContext = { io, setExitCode };
  // One registration per command, in the order `--help` lists them.
  registerPlanCommand(program, context);
  registerGpusCommand(program, context);
  registerRulesCommand(program, context);
  registerSweepCommand(program, context);
  registerPlotCommand(program, context);

  return program;
}

/** Commander's own errors (unknown option, missing value, …) in our one-line format. */
function handleCommanderError(error: CommanderError, program: Command, io: CliIo): number {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
    return EXIT.ok;
  }
  const [first = '', ...rest] = error.message.replace(/^error:\s*/, '').split('\n');
  let message = first;
  let hint = rest.join(' ').replace(/^\(|\)$/g, '').trim();
  if (error.code === 'commander.excessArguments') {
    const commands = program.commands.map((command) => command.name());
    const word = program.args[0] ?? '';
    const guess = suggest(word, commands);
    message = `unknown command '${word}'${guess ? ` (did you mean '${guess}'?)` : ''}`;
    hint = `commands: ${commands.join(', ')}; to plan, give --budget (see 'llm-plan --help')`;
  }
  io.stderr(describeError(new PlanError('bad-input', message, hint || "see 'llm-plan --help'"), false));
  return EXIT.usage;
}
