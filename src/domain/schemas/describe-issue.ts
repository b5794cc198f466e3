import type * as z from 'zod';
import { suggest } from '../suggest.js';

/**
 * `configs[1].tokens`: a zod issue path as a reader writes it (indexes in brackets, keys dotted).
 *
 * @example formatIssuePath(['configs', 1, 'tokens']) → 'configs[1].tokens'
 */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`))
    .join('');
}

/**
 * One zod issue as a short lower-case phrase: `unknown field 'tokenz' (did you mean 'tokens'?)`,
 * `missing (expected number)`, `expected number, got string`. Messages a schema sets itself are
 * kept as they are.
 *
 * @param knownKeys the fields allowed where an unknown one was found, for a did-you-mean
 */
export function describeIssue(issue: z.core.$ZodIssue, knownKeys: readonly string[] = []): string {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys
      .map((key) => {
        const guess = suggest(key, knownKeys);
        return `unknown field '${key}'${guess ? ` (did you mean '${guess}'?)` : ''}`;
      })
      .join('; ');
  }
  const generic = /^Invalid input: expected (\w+), received (\w+)$/.exec(issue.message);
  if (generic) return generic[2] === 'undefined' ? `missing (expected ${generic[1]})` : `expected ${generic[1]}, got ${generic[2]}`;
  const message = issue.message.replace(/^Invalid discriminator value\. Expected/, 'expected one of').replace(/^Too (small|big): /, '');
  return message.charAt(0).toLowerCase() + message.slice(1);
}

/**
 * The first issue of a failed parse as one line, `file: where.path.to.field: what is wrong`, plus
 * how many more there are, so an error stays one line but the user knows the count.
 *
 * @param prefix what the parsed value is inside the file, e.g. `configs[1] (llama-70b)`
 * @example describeFirstIssue(error, 'plans.yaml', 'configs[1] (llama-70b)') → 'plans.yaml: configs[1] (llama-70b).tokens: expected …'
 */
export function describeFirstIssue(
  error: Pick<z.core.$ZodError, 'issues'>,
  file: string,
  prefix = '',
  knownKeysAt: (path: readonly PropertyKey[]) => readonly string[] = () => [],
): string {
  const [first] = error.issues;
  const path = first ? formatIssuePath(first.path) : '';
  const location = prefix === '' || path === '' || path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  const what = first ? describeIssue(first, knownKeysAt(first.path)) : 'invalid';
  return `${file === '-' ? 'stdin' : file}: ${location === '' ? '' : `${location}: `}${what}${more}`;
}
