import * as z from 'zod';
import { AcceleratorSchema, LossModelSchema, RuleSchema } from '../presets.js';

/**
 * The `llm-plan/presets@1` document printed by `llm-plan gpus --json` (accelerators) and
 * `llm-plan rules --json` (rules and loss models). Each list holds presets of the built-in schema.
 */
export const PresetsDocumentSchema = z
  .object({
    schema: z.literal('llm-plan/presets@1'),
    accelerators: z.array(AcceleratorSchema).optional(),
    rules: z.array(RuleSchema).optional(),
    lossModels: z.array(LossModelSchema).optional(),
  })
  .meta({ title: 'llm-plan/presets@1', description: 'Preset lists: accelerators (llm-plan gpus) or rules and loss models (llm-plan rules).' });
