import { Option, type Command } from 'commander';

/** `--json` and `--no-color`, which every printing command takes. */
export function addOutputOptions(command: Command): Command {
  return command
    .addOption(new Option('--json', 'print JSON (a stable, versioned contract) instead of a table'))
    .option('--no-color', 'no colour, even on a terminal');
}
