import * as z from 'zod';
import { pickSchema } from './pick-schema.js';
import { DOCUMENT_SCHEMAS } from './registry.js';

/** The names `llm-plan schema` takes, in registry order. */
export function listSchemaNames(): string[] {
  return Object.keys(DOCUMENT_SCHEMAS);
}

/**
 * The JSON Schema (draft 2020-12) of a document, generated from the zod schema the code validates
 * with. Generated for input (what a consumer reads): a plain object then allows properties beyond
 * the listed ones, as a versioned document that only grows needs; strict ones stay closed. The
 * built CLI prints these same schemas computed at build time (scripts/build-cli.mjs): no zod.
 */
export function createJsonSchema(name: string): Record<string, unknown> {
  const schema = pickSchema(DOCUMENT_SCHEMAS, name);
  return z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}
