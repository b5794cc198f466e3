import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { COMMAND_SUMMARIES, type CommandName } from './summaries.js';

type Register = (program: Command, context: CommandContext) => void;

interface CommandEntry {
  readonly name: CommandName;
  /** One line for `llm-plan --help` and the command's own help. */
  readonly summary: string;
  /** Loads the command's module: only the command that runs is loaded (DESIGN §6). */
  readonly load: () => Promise<Register>;
}

/** How to load each subcommand's module. The plan itself is the default command, registered by run.ts. */
const LOADERS: Readonly<Record<CommandName, () => Promise<Register>>> = {
  gpus: async () => (await import('./presets.js')).registerGpusCommand,
  rules: async () => (await import('./presets.js')).registerRulesCommand,
  models: async () => (await import('./models.js')).registerModelsCommand,
  sweep: async () => (await import('./sweep.js')).registerSweepCommand,
  check: async () => (await import('./check.js')).registerCheckCommand,
  plot: async () => (await import('./plot.js')).registerPlotCommand,
  schema: async () => (await import('./schema.js')).registerSchemaCommand,
  completion: async () => (await import('./completion.js')).registerCompletionCommand,
  fit: async () => (await import('./fit.js')).registerFitCommand,
};

/** The command registry: the subcommands, in the order `--help` lists them. */
export const COMMANDS: readonly CommandEntry[] = (Object.keys(COMMAND_SUMMARIES) as CommandName[]).map((name) => ({
  name,
  summary: COMMAND_SUMMARIES[name],
  load: LOADERS[name],
}));

/**
 * Which commands to load for an argument vector: the one named first, or, on the plan path, any
 * named later (`llm-plan --no-color gpus`). The rest are listed in `--help` by name and summary
 * only. (`completion` reads every command's flags from an outline: src/cli/completion-outline.ts.)
 */
export function commandsToLoad(argv: readonly string[]): Set<string> {
  const names = new Set<string>(COMMANDS.map((command) => command.name));
  return new Set(argv.filter((arg) => names.has(arg)));
}
