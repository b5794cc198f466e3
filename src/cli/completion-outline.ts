import { OUTPUT_FORMATS } from './format-option.js';
import type { CliIo } from './io.js';
import { COMPLETION_SHELLS } from '../render/completion-types.js';
import { outlineProgram, type CompletionOutline } from './completion-spec.js';

/**
 * The completion outline (see CompletionOutline), from the program with every command registered.
 * The built CLI replaces this module with the outline it computed at build time by calling this
 * very function (scripts/build-cli.mjs): `llm-plan completion` then loads no command module, no zod
 * and no JSON Schemas. tests/cli/lazy-load.e2e.test.ts compares the built scripts with these.
 */
export async function loadCompletionOutline(io: CliIo): Promise<CompletionOutline> {
  const [{ createFullProgram }, { PrecisionSchema }, { listSchemaNames }] = await Promise.all([
    import('./run.js'),
    import('../domain/presets.js'),
    import('../domain/schemas/json-schema.js'),
  ]);
  return {
    ...outlineProgram(await createFullProgram(io)),
    flagValues: { precision: { values: PrecisionSchema.options }, format: { values: OUTPUT_FORMATS } },
    argValues: { schema: listSchemaNames(), completion: COMPLETION_SHELLS },
  };
}
