/**
 * What a shell completion script completes: commands, flags and values. The CLI reads it off its
 * commander program and preset catalog (src/cli/completion-spec.ts), so scripts never fall behind.
 */

export interface CompletionFlag {
  readonly long: string;
  readonly short?: string;
  readonly description: string;
  readonly takesValue: boolean;
  /** Values the flag completes to (preset ids, formats). */
  readonly values?: readonly string[];
  /** The value is a file name. */
  readonly files?: boolean;
}

export interface CompletionCommand {
  readonly name: string;
  readonly description: string;
  readonly flags: readonly CompletionFlag[];
  /** Values of the command's argument (schema names, shells). */
  readonly argValues?: readonly string[];
  /** The command's argument is a file name. */
  readonly argFiles?: boolean;
}

export interface CompletionSpec {
  readonly program: string;
  /** The program itself: the plan flags. */
  readonly root: CompletionCommand;
  readonly commands: readonly CompletionCommand[];
}

export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish'] as const;
export type CompletionShell = (typeof COMPLETION_SHELLS)[number];


/** `_llm_plan`: the shell function a script defines. */
export const completionFunctionName = (spec: CompletionSpec): string => `_${spec.program.replace(/[^a-zA-Z0-9]/g, '_')}`;

/** `-g`, `--gpu`: every name of a flag. */
export const flagNames = (flag: CompletionFlag): string[] => (flag.short ? [flag.short, flag.long] : [flag.long]);
