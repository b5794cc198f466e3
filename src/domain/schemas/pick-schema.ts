import { PlanError } from '../errors.js';
import { suggest } from '../suggest.js';

/**
 * The entry of `table` for a schema name as `llm-plan schema NAME` takes it (case and spaces
 * ignored), or the unknown-schema error with a did-you-mean. Shared by the zod path
 * (json-schema.ts) and the built CLI's precomputed schemas (scripts/build-cli.mjs).
 */
export function pickSchema<T>(table: Readonly<Record<string, T>>, name: string): T {
  const key = name.trim().toLowerCase();
  const schema = Object.hasOwn(table, key) ? table[key] : undefined;
  if (schema === undefined) {
    const names = Object.keys(table);
    const guess = suggest(key, names);
    throw new PlanError('unknown-id', `unknown schema '${name}'${guess ? ` (did you mean '${guess}'?)` : ''}`, `llm-plan schema takes one of: ${names.join(', ')}`);
  }
  return schema;
}
