import type { Command, Help, Option } from 'commander';
import { wrapText } from '../render/wrap.js';
import { decideColor } from './color.js';
import { widthFor } from './context.js';
import type { CliIo } from './io.js';

/** An example for `--help`: the command line, and what it does (may be empty). */
export type Example = readonly [command: string, description: string];

/**
 * Examples laid out for a terminal of `width` columns: each description beside its command (in a
 * shared column) when all of them fit so, else every description on the line under its command. Lines never exceed `width`
 * unless a command alone is longer (commands are never broken: they are meant to be copied).
 */
export function formatExamples(examples: readonly Example[], width: number, title = 'Examples:'): string {
  const fitting = examples.filter(([command]) => command.length <= width / 2).map(([command]) => command.length);
  const column = 2 + Math.max(0, ...fitting) + 2;
  const sideBySide = examples.every(([command, description]) => description === '' || (command.length + 4 <= column && column + description.length <= width));
  const lines = [title];
  for (const [command, description] of examples) {
    if (description === '') lines.push(`  ${command}`);
    else if (sideBySide) lines.push(`  ${command.padEnd(column - 2)}${description}`);
    else lines.push(`  ${command}`, ...wrapText(description, width - 6).map((line) => `      ${line}`));
  }
  return `${lines.join('\n')}\n`;
}

/** Puts examples first in a command's `--help`, wrapped to the width of the output. */
export function addExamples(command: Command, io: CliIo, examples: readonly Example[], after = ''): Command {
  return command.addHelpText('before', () => `${formatExamples(examples, widthFor(io))}${after === '' ? '' : `\n${wrapParagraphs(after, widthFor(io))}`}`);
}

/** Paragraphs separated by blank lines, each wrapped to `width` (lines starting with spaces are kept as they are). */
export function wrapParagraphs(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => (line.startsWith(' ') || line === '' ? [line] : wrapText(line, width)))
    .join('\n');
}

/**
 * Help settings every command shares: the output's width, and defaults and choices printed as a
 * person types them (`default: 7`, `choices: 0, 1, 2, 3`) instead of as JSON strings (`"7"`).
 */
export function configureHelpFor(command: Command, io: CliIo): Command {
  return command
    .configureOutput({
      getOutHelpWidth: () => widthFor(io),
      getErrHelpWidth: () => widthFor(io),
      // Decided from what the CLI knows, so help does not build process.stdout (issue 16: start-up).
      getOutHasColors: () => decideColor(io, true),
      getErrHasColors: () => decideColor({ env: io.env, isTTY: io.stderrIsTTY ?? false }, true),
    })
    .configureHelp({
      optionDescription(this: Help, option: Option): string {
        const extra: string[] = [];
        if (option.argChoices) extra.push(`choices: ${option.argChoices.join(', ')}`);
        const showDefault = option.defaultValue !== undefined && (option.required || option.optional);
        if (showDefault) extra.push(`default: ${option.defaultValueDescription ?? String(option.defaultValue)}`);
        return extra.length > 0 ? `${option.description} (${extra.join(', ')})` : option.description;
      },
    });
}

/** Two columns (a term and its meaning), the meaning wrapped beside the term to `width`. */
export function formatTwoColumns(rows: ReadonlyArray<readonly [string, string]>, width: number): string {
  const left = Math.max(...rows.map(([term]) => term.length));
  return rows
    .flatMap(([term, meaning]) => wrapText(meaning, Math.max(20, width - left - 4)).map((line, index) => `  ${(index === 0 ? term : '').padEnd(left)}  ${line}`))
    .join('\n');
}
