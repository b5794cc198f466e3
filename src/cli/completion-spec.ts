import type { Command } from 'commander';
import type { PresetCatalog } from '../presets/catalog.js';
import type { CompletionCommand, CompletionFlag, CompletionSpec } from '../render/completion-types.js';

/** Values a flag completes to, by commander attribute name; built from the catalog, not kept by hand. */
export type FlagValues = Readonly<Record<string, { readonly values?: readonly string[]; readonly files?: boolean }>>;

/** What completion reads of a commander option. */
interface OptionOutline {
  readonly long?: string | undefined;
  readonly short?: string | undefined;
  readonly description: string;
  readonly takesValue: boolean;
  readonly hidden: boolean;
  readonly attributeName: string;
  readonly argChoices?: readonly string[] | undefined;
}

/** What completion reads of a commander command. */
interface CommandOutline {
  readonly name: string;
  readonly description: string;
  readonly takesArgument: boolean;
  readonly options: readonly OptionOutline[];
}

/**
 * Everything a completion script says that does not depend on the presets: the program's commands
 * and flags (read off the commander program with every command registered) and the values fixed in
 * the code (precisions, formats, schema names, shells). src/cli/completion-outline.ts builds it; the
 * built CLI ships it precomputed, so `llm-plan completion` loads no command module (issue 16).
 */
export interface CompletionOutline {
  readonly program: string;
  readonly root: CommandOutline;
  readonly commands: readonly CommandOutline[];
  /** Values of flags that are not presets, by attribute name. */
  readonly flagValues: FlagValues;
  /** Values of a command's argument, by command name. */
  readonly argValues: Readonly<Record<string, readonly string[]>>;
}

/** The commands and flags of a commander program, as completion reads them. */
export function outlineProgram(program: Command): Pick<CompletionOutline, 'program' | 'root' | 'commands'> {
  const outlineCommand = (command: Command): CommandOutline => ({
    name: command.name(),
    description: command.description(),
    takesArgument: command.registeredArguments.length > 0,
    options: command.options.map((option) => ({
      long: option.long,
      short: option.short,
      description: option.description,
      takesValue: option.required || option.optional,
      hidden: option.hidden,
      attributeName: option.attributeName(),
      ...(option.argChoices ? { argChoices: option.argChoices } : {}),
    })),
  });
  return { program: program.name(), root: outlineCommand(program), commands: program.commands.map(outlineCommand) };
}

/** Preset ids and aliases as the flags that take them complete them. */
export function presetFlagValues(catalog: PresetCatalog, extra: FlagValues = {}): FlagValues {
  const names = (presets: ReadonlyArray<{ id: string; aliases?: readonly string[] | undefined }>): string[] =>
    presets.flatMap((preset) => [preset.id, ...(preset.aliases ?? [])]);
  return {
    gpu: { values: names(catalog.accelerators) },
    rule: { values: [...names(catalog.rules), 'all'] },
    loss: { values: names(catalog.lossModels) },
    input: { files: true },
    ...extra,
  };
}

/**
 * What the shell scripts complete: the outline's commands and their flags (with help and version),
 * and the values `values` gives per flag and `argValues` per command argument (a command absent
 * there completes file names when it takes an argument).
 */
export function createCompletionSpec(
  outline: Pick<CompletionOutline, 'program' | 'root' | 'commands'>,
  values: FlagValues,
  argValues: Readonly<Record<string, readonly string[]>>,
): CompletionSpec {
  const describeCommand = (command: CommandOutline, withVersion: boolean): CompletionCommand => {
    const flags = command.options.filter((option) => !option.hidden).map((option) => describeFlag(option, values));
    if (!withVersion) flags.splice(0, flags.length, ...flags.filter((flag) => flag.long !== '--version'));
    flags.push({ long: '--help', short: '-h', description: 'show this help', takesValue: false });
    return {
      name: command.name,
      description: firstClause(command.description),
      flags,
      ...(argValues[command.name] ? { argValues: argValues[command.name] } : command.takesArgument ? { argFiles: true } : {}),
    };
  };
  return {
    program: outline.program,
    root: describeCommand(outline.root, true),
    commands: outline.commands.map((command) => describeCommand(command, false)),
  };
}

function describeFlag(option: OptionOutline, values: FlagValues): CompletionFlag {
  const { takesValue } = option;
  const known = values[option.attributeName];
  return {
    long: option.long ?? '',
    ...(option.short ? { short: option.short } : {}),
    description: firstClause(option.description),
    takesValue,
    ...(takesValue && known?.values ? { values: known.values } : {}),
    ...(takesValue && known?.files ? { files: true } : {}),
    ...(takesValue && option.argChoices ? { values: option.argChoices } : {}),
  };
}

/** Help text up to its first ':' or ';', so a completion menu stays one short line. */
function firstClause(text: string): string {
  return (text.split(/[:;(]/)[0] ?? '').trim();
}
