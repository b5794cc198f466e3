import type { Command } from 'commander';
import { OUTPUT_FORMATS } from './format-option.js';
import { COMPLETION_SHELLS } from '../render/completion-types.js';
import { outlineProgram, type CompletionOutline } from './completion-spec.js';

/**
 * The completion outline (see CompletionOutline), from the program with every command registered.
 * The built CLI replaces this module with the outline that scripts/build-cli.mjs computed by calling
 * this very function: `llm-plan completion` then loads no command module, no zod and no JSON
 * Schemas. tests/cli/lazy-load.e2e.test.ts compares the built scripts with the source path's.
 */
export async function loadCompletionOutline(loadFullProgram: () => Promise<Command>): Promise<CompletionOutline> {
  const [{ PrecisionSchema }, { listSchemaNames }] = await Promise.all([import('../domain/presets.js'), import('../domain/schemas/json-schema.js')]);
  return {
    ...outlineProgram(await loadFullProgram()),
    flagValues: { precision: { values: PrecisionSchema.options }, format: { values: OUTPUT_FORMATS } },
    argValues: { schema: listSchemaNames(), completion: COMPLETION_SHELLS },
  };
}
