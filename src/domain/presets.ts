import * as z from 'zod';

/**
 * The preset vocabulary: accelerator, scaling rule, loss model. Built-in presets (`presets/*.json`)
 * are validated against these by the test suite and shipped as typed data, so zod is only loaded at
 * run time when a user-supplied file must be validated. Every type of the domain comes from
 * `z.infer` here; core imports them with `import type`, which leaves no run-time dependency from
 * core on this module. The file formats that hold lists of them are src/presets/file-schemas.ts.
 */

const positive = z.number().positive().finite();
const presetId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, ".", "_" or "-", starting with a letter or digit');

/**
 * Text a renderer prints as it is (names, sources, notes): no control characters but tab and
 * newline, so a preset file cannot send escape sequences or a carriage return to a terminal.
 */
const plainText = z
  .string()
  .regex(/^[^\u0000-\u0008\u000b-\u001f\u007f-\u009f]*$/, 'no control characters (escape sequences, carriage returns)');

export const PrecisionSchema = z.enum(['fp32', 'tf32', 'fp16', 'bf16', 'fp8']);

export const AcceleratorSchema = z.strictObject({
  id: presetId,
  name: plainText.min(1),
  vendor: plainText.min(1),
  aliases: z.array(presetId).optional(),
  /** Vendor's dense (not 2:4-sparse) tensor throughput per precision, TFLOP/s. Absent = unsupported. */
  denseTflops: z
    .partialRecord(PrecisionSchema, positive)
    .refine((table) => Object.keys(table).length > 0, 'at least one precision'),
  /** Memory per device in decimal GB (1e9 bytes), as datasheets print it. */
  memoryGB: positive,
  bandwidthGBps: positive,
  /** GPU-to-GPU link inside a node (NVLink), GB/s per GPU, both directions together, as datasheets print it. */
  nvlinkGBps: positive.optional(),
  /** Network between nodes, Gb/s per GPU (one NIC per GPU in DGX-class nodes). */
  networkGbps: positive.optional(),
  /** Where the two interconnect figures come from. */
  interconnectSource: plainText.min(1).optional(),
  confidence: plainText.min(1),
  source: plainText.min(1),
  notes: plainText.optional(),
});

/**
 * The runs a law was fitted on, for honest extrapolation notes: the span of parameters, tokens and/or
 * compute of those runs (each as [low, high]), and a sentence naming the data.
 */
export const FittedOnSchema = z.strictObject({
  params: z.tuple([positive, positive]).optional(),
  tokens: z.tuple([positive, positive]).optional(),
  flops: z.tuple([positive, positive]).optional(),
  /** What the runs were: how many, on which data, from which table or section. */
  data: plainText.min(1),
});

const lossModelCommon = {
  id: presetId,
  name: plainText.min(1),
  /** What N counts in the fit: all parameters (Chinchilla) or non-embedding ones (Kaplan). */
  parameterCount: z.enum(['all', 'non-embedding']),
  /** The data the loss was measured on; losses do not transfer to other data or tokenizers. */
  dataset: plainText.min(1),
  source: plainText.min(1),
  notes: plainText.optional(),
  fittedOn: FittedOnSchema.optional(),
};

const interval = z.tuple([z.number().finite(), z.number().finite()]);

/** The five constants of the approach-3 form, as one parameter set. */
export const ChinchillaParamsSchema = z.strictObject({ E: positive, A: positive, B: positive, alpha: positive, beta: positive });

/**
 * How a loss model was fitted by `llm-plan fit` (absent for published models). `bootstrap.draws`
 * are the refitted parameter sets, so any derived quantity (N_opt at any budget) gets an interval.
 */
export const FitInfoSchema = z.strictObject({
  /** The file the runs came from (`-` for stdin). */
  input: z.string(),
  /** ISO date (YYYY-MM-DD) of the fit. */
  date: z.string(),
  runs: z.number().int().positive(),
  droppedTopLoss: z.number().int().nonnegative(),
  /** Huber δ on log loss. */
  delta: positive,
  /** Value of the objective at the optimum (sum of Huber losses). */
  objective: z.number().finite().nonnegative(),
  converged: z.boolean(),
  starts: z.number().int().positive(),
  /** Exponent a of `N_opt ∝ C^a` implied by the fit: β/(α+β). */
  paramsExponent: z.number().finite().optional(),
  /** Compute-optimal N and D at the budgets asked for (`--budgets`), with bootstrap intervals when resampled. */
  optimal: z
    .array(
      z.strictObject({
        budget: z.string(),
        flops: positive,
        params: positive,
        tokens: positive,
        tokensPerParam: positive,
        paramsInterval: interval.optional(),
        tokensInterval: interval.optional(),
        tokensPerParamInterval: interval.optional(),
      }),
    )
    .optional(),
  bootstrap: z
    .strictObject({
      samples: z.number().int().positive(),
      seed: z.number().int(),
      /** Central probability mass of each interval, e.g. 0.95. */
      confidence: z.number().gt(0).lt(1),
      intervals: z.strictObject({ E: interval, A: interval, B: interval, alpha: interval, beta: interval }),
      draws: z.array(ChinchillaParamsSchema),
    })
    .optional(),
});

/** `L = E + A/N^α + B/D^β` (Hoffmann et al. 2022, approach 3). */
export const ChinchillaLossSchema = z.strictObject({
  /** Present when the preset is a document llm-plan wrote (`llm-plan/fit@1`). */
  schema: z.string().optional(),
  ...lossModelCommon,
  form: z.literal('chinchilla'),
  E: positive,
  A: positive,
  B: positive,
  alpha: positive,
  beta: positive,
  fit: FitInfoSchema.optional(),
});

/** `L = [(Nc/N)^(αN/αD) + Dc/D]^αD` (Kaplan et al. 2020, Eq. 1.5). */
export const KaplanLossSchema = z.strictObject({
  ...lossModelCommon,
  form: z.literal('kaplan'),
  alphaN: positive,
  alphaD: positive,
  Nc: positive,
  Dc: positive,
});

export const LossModelSchema = z.discriminatedUnion('form', [ChinchillaLossSchema, KaplanLossSchema]);

const ruleCommon = {
  id: presetId,
  name: plainText.min(1),
  aliases: z.array(presetId).optional(),
  /** The loss model that scores this rule's plan unless `--loss` says otherwise. */
  defaultLoss: presetId,
  source: plainText.min(1),
  notes: plainText.optional(),
  /** The runs behind the rule (built-in rules all say; a user's rule may not know). */
  fittedOn: FittedOnSchema.optional(),
};

const exponent = z.number().gt(0).lt(1);

/** `N(C) = N0 · (C/C0)^a`, `D = C/(6N)`: a published exponent anchored at a published run. */
export const PowerLawRuleSchema = z.strictObject({
  ...ruleCommon,
  kind: z.literal('power-law'),
  exponent: z.number().gt(0).lt(1),
  anchor: z.strictObject({ params: positive, flops: positive }),
});

/** Minimise the loss model subject to `6·N·D = C`. */
export const LossOptimalRuleSchema = z.strictObject({
  ...ruleCommon,
  kind: z.literal('loss-optimal'),
});

/**
 * The loss-optimal allocation of one fixed, published parametric law (`E + A/N^α + B/D^β`), whatever
 * loss model scores the plan: `N = G·(C/6)^(β/(α+β))` (Hoffmann et al. 2022, Eq. 4).
 */
export const FittedLawRuleSchema = z.strictObject({
  ...ruleCommon,
  kind: z.literal('fitted-law'),
  law: ChinchillaParamsSchema,
});

/** `D(C) = A·C^α` tokens, `N = C/(6·D)`: a published fit of compute-optimal tokens (Llama 3, §3.2.1). */
export const TokensPowerLawRuleSchema = z.strictObject({
  ...ruleCommon,
  kind: z.literal('tokens-power-law'),
  coefficient: positive,
  exponent,
});

/**
 * DeepSeek LLM's allocation (§3.2, Eq. 4): model scale `M_opt = M_base·C^a` in non-embedding FLOPs per
 * token and `D_opt = D_base·C^b`, with `C = M·D`. M becomes parameters through an assumed shape
 * (`M = 72·n_layer·d_model² + 12·n_layer·d_model·l_seq`), with the paper's sequence length and vocabulary.
 */
export const FlopsPerTokenRuleSchema = z.strictObject({
  ...ruleCommon,
  kind: z.literal('flops-per-token-law'),
  modelScale: z.strictObject({ coefficient: positive, exponent }),
  data: z.strictObject({ coefficient: positive, exponent }),
  sequenceLength: z.number().int().positive(),
  vocabSize: z.number().int().positive(),
  /** d_model / n_layer of the assumed shape. */
  aspectRatio: positive,
});

export const RuleSchema = z.discriminatedUnion('kind', [
  PowerLawRuleSchema,
  LossOptimalRuleSchema,
  FittedLawRuleSchema,
  TokensPowerLawRuleSchema,
  FlopsPerTokenRuleSchema,
]);

export type Precision = z.infer<typeof PrecisionSchema>;
export type Accelerator = z.infer<typeof AcceleratorSchema>;
export type ChinchillaLoss = z.infer<typeof ChinchillaLossSchema>;
export type ChinchillaParams = z.infer<typeof ChinchillaParamsSchema>;
export type FitInfo = z.infer<typeof FitInfoSchema>;
export type KaplanLoss = z.infer<typeof KaplanLossSchema>;
export type LossModel = z.infer<typeof LossModelSchema>;
export type PowerLawRule = z.infer<typeof PowerLawRuleSchema>;
export type LossOptimalRule = z.infer<typeof LossOptimalRuleSchema>;
export type FittedLawRule = z.infer<typeof FittedLawRuleSchema>;
export type TokensPowerLawRule = z.infer<typeof TokensPowerLawRuleSchema>;
export type FlopsPerTokenRule = z.infer<typeof FlopsPerTokenRuleSchema>;
export type FittedOn = z.infer<typeof FittedOnSchema>;
export type Rule = z.infer<typeof RuleSchema>;
