import type { Command } from 'commander';
import type { CommandContext } from '../context.js';

type Register = (program: Command, context: CommandContext) => void;

interface CommandEntry {
  readonly name: string;
  /** One line for `llm-plan --help` and the command's own help. */
  readonly summary: string;
  /** Loads the command's module: only the command that runs is loaded (DESIGN §6). */
  readonly load: () => Promise<Register>;
}

/** The subcommands, in the order `--help` lists them. The plan itself is the default command. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'gpus',
    summary: 'list the accelerator presets: memory, dense TFLOP/s per precision, source',
    load: async () => (await import('./presets.js')).registerGpusCommand,
  },
  {
    name: 'rules',
    summary: 'list the scaling rules and loss models, with per-10× growth and sources',
    load: async () => (await import('./presets.js')).registerRulesCommand,
  },
  {
    name: 'sweep',
    summary: 'plan across a log-spaced range of budgets: one plan per budget, as a table, JSON, NDJSON or CSV',
    load: async () => (await import('./sweep.js')).registerSweepCommand,
  },
  {
    name: 'check',
    summary: 'check training configs (JSON or YAML) against a scaling rule, a budget and limits; exit 1 on a violation',
    load: async () => (await import('./check.js')).registerCheckCommand,
  },
  {
    name: 'plot',
    summary: 'draw the IsoFLOP valley (loss against model size) or the compute-optimal frontier, in the terminal or as SVG',
    load: async () => (await import('./plot.js')).registerPlotCommand,
  },
  {
    name: 'schema',
    summary: 'print the JSON Schema of a document: plan, sweep, plot, check, presets, check-file (--list names them all)',
    load: async () => (await import('./schema.js')).registerSchemaCommand,
  },
  {
    name: 'completion',
    summary: 'print a shell completion script: commands, flags and preset ids (bash, zsh or fish)',
    load: async () => (await import('./completion.js')).registerCompletionCommand,
  },
  {
    name: 'fit',
    summary: 'fit your own scaling law L = E + A/N^α + B/D^β to training runs (CSV, JSON or NDJSON)',
    load: async () => (await import('./fit.js')).registerFitCommand,
  },
];

/** The one-line description of a command, from the table (so it is written once). */
export function commandSummary(name: string): string {
  const entry = COMMANDS.find((command) => command.name === name);
  if (!entry) throw new Error(`no command '${name}' in the command table`);
  return entry.summary;
}

/**
 * Which commands to load for an argument vector: the one named first, or, on the plan path, any
 * named later (`llm-plan --no-color gpus`). `completion` reads every command's flags, so it loads all.
 * The rest are listed in `--help` by name and summary only.
 */
export function commandsToLoad(argv: readonly string[]): Set<string> {
  const names = new Set(COMMANDS.map((command) => command.name));
  if (argv.includes('completion')) return names;
  return new Set(argv.filter((arg) => names.has(arg)));
}
