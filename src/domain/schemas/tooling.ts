import * as z from 'zod';

/**
 * Documents of the tooling commands: `schema --list --json` and `completion --json`. Their types
 * mirror src/render/completion-types.ts; tests/schemas/outputs.test.ts validates real output.
 */
export const SchemaListDocumentSchema = z.strictObject({
  schema: z.literal('llm-plan/schema-list@1'),
  /** The names `llm-plan schema NAME` takes. */
  names: z.array(z.string()),
});

const CompletionFlagSchema = z.object({
  long: z.string(),
  short: z.string().optional(),
  description: z.string(),
  takesValue: z.boolean(),
  /** Values the flag completes to (preset ids, formats). */
  values: z.array(z.string()).readonly().optional(),
  /** The value is a file name. */
  files: z.boolean().optional(),
});

const CompletionCommandSchema = z.object({
  name: z.string(),
  description: z.string(),
  flags: z.array(CompletionFlagSchema),
  argValues: z.array(z.string()).readonly().optional(),
  argFiles: z.boolean().optional(),
});

/** What the shell scripts complete, for editors and other shells to build on. */
export const CompletionDocumentSchema = z.object({
  schema: z.literal('llm-plan/completion@1'),
  program: z.string(),
  /** The program itself: the plan flags. */
  root: CompletionCommandSchema,
  commands: z.array(CompletionCommandSchema),
});
