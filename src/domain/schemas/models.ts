import * as z from 'zod';

const finite = z.number().finite();

/** The `llm-plan/models@1` document printed by `llm-plan models --json`. Objects are open: `@1` only grows. */
export const ModelsDocumentSchema = z
  .object({
    schema: z.literal('llm-plan/models@1'),
    input: z.object({ rule: z.string(), loss: z.string().nullable() }),
    models: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        year: finite,
        params: finite.describe('all parameters, as the paper states them'),
        tokens: finite.describe('training tokens, as the paper states them'),
        flops: finite.describe("training FLOPs: the paper's own figure where it gives one, else 6·N·D"),
        flopsBasis: z.enum(['paper', '6ND']),
        tokensPerParam: finite,
        loss: z.object({ model: z.string(), value: finite.describe('nats/token on the model’s reference data') }),
        rules: z.array(
          z.object({
            rule: z.string(),
            optimalParams: finite.describe('the rule’s N_opt at the run’s compute'),
            optimalTokens: finite,
            paramsRatio: finite.describe('N / N_opt'),
          }),
        ),
        source: z.string(),
      }),
    ),
    notes: z.array(z.string()),
  })
  .meta({ title: 'llm-plan/models@1', description: 'Real training runs placed next to the scaling rules: compute, tokens per parameter, N/N_opt per rule.' });
