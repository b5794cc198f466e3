import * as z from 'zod';
import { PlanError } from '../errors.js';
import { suggest } from '../suggest.js';
import { DOCUMENT_SCHEMAS } from './registry.js';

/** The names `llm-plan schema` takes, in registry order. */
export function listSchemaNames(): string[] {
  return Object.keys(DOCUMENT_SCHEMAS);
}

/**
 * The JSON Schema (draft 2020-12) of a document, generated from the zod schema the code validates
 * with. Generated for input (what a consumer reads): a plain object then allows properties beyond
 * the listed ones, as a versioned document that only grows needs; strict ones stay closed.
 */
export function createJsonSchema(name: string): Record<string, unknown> {
  const key = name.trim().toLowerCase();
  const schema = Object.hasOwn(DOCUMENT_SCHEMAS, key) ? DOCUMENT_SCHEMAS[key] : undefined;
  if (!schema) {
    const names = listSchemaNames();
    const guess = suggest(key, names);
    throw new PlanError('unknown-id', `unknown schema '${name}'${guess ? ` (did you mean '${guess}'?)` : ''}`, `llm-plan schema takes one of: ${names.join(', ')}`);
  }
  return z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}
