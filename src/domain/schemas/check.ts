import * as z from 'zod';

/**
 * The `llm-plan/check@1` document printed by `llm-plan check --json`: one result per config, each
 * with its violations. Every violation reads "`value` crossed `limit`" (above a maximum, or below
 * a minimum for `tokens-per-param-low`), and carries a one-line `reason` for people.
 */
const finite = z.number().finite();

export const VIOLATION_CODES = [
  'over-budget',
  'off-optimum',
  'tokens-per-param-low',
  'tokens-per-param-high',
  'loss-above-max',
  'flops-above-max',
] as const;

export const ViolationSchema = z.object({
  code: z.enum(VIOLATION_CODES),
  reason: z.string().describe('one line for a person'),
  value: finite.describe(
    'over-budget, flops-above-max: 6·N·D in FLOPs; off-optimum: |N/N_opt − 1|; tokens-per-param-*: D/N; loss-above-max: predicted loss',
  ),
  limit: finite.describe('the threshold value crossed (budget FLOPs × (1 + budgetTolerance), tolerance, a min/max limit)'),
});

export const CheckResultSchema = z.object({
  index: z.number().int().nonnegative().describe('position of the config in the file'),
  name: z.string(),
  passed: z.boolean(),
  params: finite,
  tokens: finite,
  tokensPerParam: finite,
  flops: finite.describe('6·N·D'),
  rule: z.string().describe('the rule whose optimum the config is compared with'),
  optimalParams: finite.describe("N_opt: the rule's parameter count for the same FLOPs"),
  optimalTokens: finite,
  loss: z.object({ model: z.string(), value: finite }),
  budgetFlops: finite.nullable().describe('the budget in FLOPs, when the config has one'),
  violations: z.array(ViolationSchema),
});

export const CheckDocumentSchema = z
  .object({
    schema: z.literal('llm-plan/check@1'),
    file: z.string().describe('the checked file (- for stdin)'),
    passed: z.boolean(),
    summary: z.object({ configs: z.number().int(), passed: z.number().int(), failed: z.number().int() }),
    results: z.array(CheckResultSchema),
  })
  .meta({ title: 'llm-plan/check@1', description: 'The result of llm-plan check: every config, pass or fail, with its violations.' });

/** One line of `llm-plan check --format ndjson`: a config's result, with the file it came from. */
export const CheckResultLineSchema = CheckResultSchema.extend({
  schema: z.literal('llm-plan/check-result@1'),
  file: z.string().describe('the checked file (- for stdin)'),
}).meta({ title: 'llm-plan/check-result@1', description: 'One config of llm-plan check, as one NDJSON line.' });

export type CheckDocument = z.infer<typeof CheckDocumentSchema>;
export type CheckResult = z.infer<typeof CheckResultSchema>;
export type Violation = z.infer<typeof ViolationSchema>;
export type ViolationCode = (typeof VIOLATION_CODES)[number];
