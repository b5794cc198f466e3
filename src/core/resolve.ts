import { PlanError } from '../domain/errors.js';
import { suggest } from '../domain/suggest.js';

interface Identified {
  readonly id: string;
  readonly aliases?: readonly string[] | undefined;
}

/**
 * Finds a preset by id or alias, case-insensitively. An unknown id is a usage error that suggests
 * the closest id and lists the valid ones.
 *
 * @param what the kind of preset, for the message ("GPU", "rule", "loss model")
 * @param flag the flag that names it, for the hint
 */
export function resolveById<T extends Identified>(presets: readonly T[], id: string, what: string, flag: string): T {
  const key = id.trim().toLowerCase();
  const found = presets.find((preset) => preset.id === key || (preset.aliases ?? []).includes(key));
  if (found) return found;

  const names = presets.flatMap((preset) => [preset.id, ...(preset.aliases ?? [])]);
  const guess = suggest(key, names);
  const didYouMean = guess === undefined ? '' : ` (did you mean '${guess}'?)`;
  throw new PlanError(
    'unknown-id',
    `unknown ${what} '${id}'${didYouMean}`,
    `${flag} takes one of: ${presets.map((preset) => preset.id).join(', ')}${presets.some((preset) => preset.aliases?.length) ? ' (or an alias of one)' : ''}`,
  );
}
