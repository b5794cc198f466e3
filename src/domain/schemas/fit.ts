import * as z from 'zod';
import { ChinchillaLossSchema, FitInfoSchema } from '../presets.js';

/**
 * `llm-plan fit --json` (`llm-plan/fit@1`): a chinchilla-form loss-model preset, so `--loss
 * ./law.json` loads it, that always carries its schema id and how it was fitted.
 */
export const FitDocumentSchema = ChinchillaLossSchema.extend({
  schema: z.literal('llm-plan/fit@1'),
  fit: FitInfoSchema,
});
