import * as z from 'zod';
import { InputEchoShape } from './input-echo.js';
import { PlanDocumentSchema } from './plan.js';

/**
 * The `llm-plan/sweep@1` document of `llm-plan sweep --json`: the request, then one
 * `llm-plan/plan@1` document per budget. (`--format ndjson` prints those plan documents one a line.)
 */

export const SweepDocumentSchema = z
  .object({
    schema: z.literal('llm-plan/sweep@1'),
    input: z.object({
      budget: z.string().nullable().describe('the LO..HI range as given'),
      steps: z.number().int(),
      ...InputEchoShape,
      rule: z.string(),
    }),
    rows: z.array(PlanDocumentSchema),
  })
  .meta({ title: 'llm-plan/sweep@1', description: 'Plans across a log-spaced range of budgets, one plan@1 document per budget.' });
