/**
 * The subcommands' one-line descriptions, in the order `--help` lists them: for `llm-plan --help`
 * and each command's own help. A command module reads its line from here; the registry
 * (`registry.ts`), which loads the command modules, reads the order and the names.
 */
export const COMMAND_SUMMARIES = {
  gpus: 'list the accelerator presets: memory, dense TFLOP/s per precision, source',
  rules: 'list the scaling rules and loss models, with per-10× growth and sources',
  models: 'real training runs next to each rule: compute, tokens/param, N/N_opt',
  sweep: 'plan across a log-spaced range of budgets: one plan per budget, as a table, JSON, NDJSON or CSV',
  check: 'check training configs (JSON or YAML) against a scaling rule, a budget and limits; exit 1 on a violation',
  plot: 'draw the IsoFLOP valley (loss against model size) or the compute-optimal frontier, in the terminal or as SVG',
  schema: 'print the JSON Schema of a document: plan, sweep, plot, check, presets, check-file (--list names them all)',
  completion: 'print a shell completion script: commands, flags and preset ids (bash, zsh or fish)',
  fit: 'fit your own scaling law L = E + A/N^α + B/D^β to training runs (CSV, JSON or NDJSON)',
} as const;

export type CommandName = keyof typeof COMMAND_SUMMARIES;

/** The one-line description of a command (so it is written once). */
export function commandSummary(name: CommandName): string {
  return COMMAND_SUMMARIES[name];
}
