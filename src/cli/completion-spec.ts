import type { Command, Option } from 'commander';
import type { PresetCatalog } from '../presets/catalog.js';
import type { CompletionCommand, CompletionFlag, CompletionSpec } from '../render/completion-types.js';

/** Values a flag completes to, by commander attribute name; built from the catalog, not kept by hand. */
export type FlagValues = Readonly<Record<string, { readonly values?: readonly string[]; readonly files?: boolean }>>;

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
 * What the shell scripts complete, read off the commander program itself: commands, their flags
 * (with help and version), and the values `values` gives per flag and `argValues` per command
 * argument (a command absent there completes file names when it takes an argument).
 */
export function createCompletionSpec(
  program: Command,
  values: FlagValues,
  argValues: Readonly<Record<string, readonly string[]>>,
): CompletionSpec {
  const describeCommand = (command: Command, withVersion: boolean): CompletionCommand => {
    const flags = command.options.filter((option) => !option.hidden).map((option) => describeFlag(option, values));
    if (!withVersion) flags.splice(0, flags.length, ...flags.filter((flag) => flag.long !== '--version'));
    flags.push({ long: '--help', short: '-h', description: 'show this help', takesValue: false });
    const takesArgument = command.registeredArguments.length > 0;
    return {
      name: command.name(),
      description: firstClause(command.description()),
      flags,
      ...(argValues[command.name()] ? { argValues: argValues[command.name()] } : takesArgument ? { argFiles: true } : {}),
    };
  };
  return {
    program: program.name(),
    root: describeCommand(program, true),
    commands: program.commands.map((command) => describeCommand(command, false)),
  };
}

function describeFlag(option: Option, values: FlagValues): CompletionFlag {
  const takesValue = option.required || option.optional;
  const known = values[option.attributeName()];
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
