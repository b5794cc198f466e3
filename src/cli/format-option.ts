import { PlanError, badInput } from '../domain/errors.js';
import { suggest } from '../domain/suggest.js';

/** Every output format a command may offer; each command allows the ones that make sense for it. */
export const OUTPUT_FORMATS = ['table', 'json', 'ndjson', 'csv', 'markdown'] as const;

/**
 * Parses a `--format` value against the formats a command allows (case-insensitive), with a
 * did-you-mean and the list on a miss.
 *
 * @example parseFormat('CSV', ['table', 'json', 'csv']) → 'csv'
 */
export function parseFormat<F extends string>(value: string, allowed: readonly F[]): F {
  const key = value.trim().toLowerCase();
  const found = allowed.find((format) => format === key);
  if (found) return found;
  const guess = suggest(key, allowed);
  throw new PlanError('bad-input', `unknown --format '${value}'${guess ? ` (did you mean '${guess}'?)` : ''}`, `--format takes one of: ${allowed.join(', ')}`);
}

/**
 * The format a command prints in: `--format`, or `json` for `--json` (its synonym), else the
 * first allowed format (the default). `--json` with another `--format` is a contradiction.
 */
export function chooseFormat<F extends string>(options: { readonly format?: string | undefined; readonly json?: boolean | undefined }, allowed: readonly F[]): F {
  const [fallback] = allowed;
  if (fallback === undefined) throw new PlanError('internal', 'a command allows no output format');
  const format = options.format === undefined ? undefined : parseFormat(options.format, allowed);
  if (options.json && format !== undefined && format !== 'json') {
    throw badInput(`--json contradicts --format ${format}`, 'give one of them: --json is short for --format json');
  }
  if (format !== undefined) return format;
  return options.json ? parseFormat('json', allowed) : fallback;
}
