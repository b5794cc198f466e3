import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * The preset schemas of src/domain/presets.ts again, in zod's mini API, for validating a user's
 * preset file (`--gpu my-gpu.json`, LLM_PLAN_PRESETS). The classic API costs about 95 kB and
 * 15–20 ms at every such start, constructing its schemas; the mini one a fifth of both (issue 16).
 * Both run the same checks of zod's core in the same order, so a file passes or fails alike, with
 * the same messages: tests/presets/user-preset-schemas.test.ts holds each schema's JSON Schema equal
 * to the classic one's (what `llm-plan schema presets` prints) and compares the errors of both on
 * many broken presets. Change both together.
 */

// The classic API sets the English messages when it loads; the mini API leaves that to its user.
z.config(en());

const positive = z.number().check(z.positive());
const presetId = z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, ".", "_" or "-", starting with a letter or digit'));
const plainTextChecks = [z.regex(/^[^\u0000-\u0008\u000b-\u001f\u007f-\u009f]*$/, 'no control characters (escape sequences, carriage returns)')] as const;
const plainText = z.string().check(...plainTextChecks);
const nonEmptyText = z.string().check(...plainTextChecks, z.minLength(1));
const whole = (...checks: Array<z.core.$ZodCheck<number>>) => z.number().check(z.int(), ...checks);

const PrecisionSchema = z.enum(['fp32', 'tf32', 'fp16', 'bf16', 'fp8']);

export const AcceleratorSchema = z.strictObject({
  id: presetId,
  name: nonEmptyText,
  vendor: nonEmptyText,
  aliases: z.optional(z.array(presetId)),
  denseTflops: z.partialRecord(PrecisionSchema, positive).check(z.refine((table) => Object.keys(table).length > 0, 'at least one precision')),
  memoryGB: positive,
  bandwidthGBps: positive,
  nvlinkGBps: z.optional(positive),
  networkGbps: z.optional(positive),
  interconnectSource: z.optional(nonEmptyText),
  confidence: nonEmptyText,
  source: nonEmptyText,
  notes: z.optional(plainText),
});

const FittedOnSchema = z.strictObject({
  params: z.optional(z.tuple([positive, positive])),
  tokens: z.optional(z.tuple([positive, positive])),
  flops: z.optional(z.tuple([positive, positive])),
  data: nonEmptyText,
});

const lossModelCommon = {
  id: presetId,
  name: nonEmptyText,
  parameterCount: z.enum(['all', 'non-embedding']),
  dataset: nonEmptyText,
  source: nonEmptyText,
  notes: z.optional(plainText),
  fittedOn: z.optional(FittedOnSchema),
};

const interval = z.tuple([z.number(), z.number()]);

const ChinchillaParamsSchema = z.strictObject({ E: positive, A: positive, B: positive, alpha: positive, beta: positive });

const FitInfoSchema = z.strictObject({
  input: z.string(),
  date: z.string(),
  runs: whole(z.positive()),
  droppedTopLoss: whole(z.nonnegative()),
  delta: positive,
  objective: z.number().check(z.nonnegative()),
  converged: z.boolean(),
  starts: whole(z.positive()),
  paramsExponent: z.optional(z.number()),
  optimal: z.optional(
    z.array(
      z.strictObject({
        budget: z.string(),
        flops: positive,
        params: positive,
        tokens: positive,
        tokensPerParam: positive,
        paramsInterval: z.optional(interval),
        tokensInterval: z.optional(interval),
        tokensPerParamInterval: z.optional(interval),
      }),
    ),
  ),
  bootstrap: z.optional(
    z.strictObject({
      samples: whole(z.positive()),
      seed: whole(),
      confidence: z.number().check(z.gt(0), z.lt(1)),
      intervals: z.strictObject({ E: interval, A: interval, B: interval, alpha: interval, beta: interval }),
      draws: z.array(ChinchillaParamsSchema),
    }),
  ),
});

const ChinchillaLossSchema = z.strictObject({
  schema: z.optional(z.string()),
  ...lossModelCommon,
  form: z.literal('chinchilla'),
  E: positive,
  A: positive,
  B: positive,
  alpha: positive,
  beta: positive,
  fit: z.optional(FitInfoSchema),
});

const KaplanLossSchema = z.strictObject({
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
  name: nonEmptyText,
  aliases: z.optional(z.array(presetId)),
  defaultLoss: presetId,
  source: nonEmptyText,
  notes: z.optional(plainText),
  fittedOn: z.optional(FittedOnSchema),
};

const exponent = z.number().check(z.gt(0), z.lt(1));

export const RuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...ruleCommon, kind: z.literal('power-law'), exponent: z.number().check(z.gt(0), z.lt(1)), anchor: z.strictObject({ params: positive, flops: positive }) }),
  z.strictObject({ ...ruleCommon, kind: z.literal('loss-optimal') }),
  z.strictObject({ ...ruleCommon, kind: z.literal('fitted-law'), law: ChinchillaParamsSchema }),
  z.strictObject({ ...ruleCommon, kind: z.literal('tokens-power-law'), coefficient: positive, exponent }),
  z.strictObject({
    ...ruleCommon,
    kind: z.literal('flops-per-token-law'),
    modelScale: z.strictObject({ coefficient: positive, exponent }),
    data: z.strictObject({ coefficient: positive, exponent }),
    sequenceLength: whole(z.positive()),
    vocabSize: whole(z.positive()),
    aspectRatio: positive,
  }),
]);

/**
 * The list-file shape: the built-in files' (`{ "accelerators": [...] }`) or a whole
 * `llm-plan/presets@1` document as `llm-plan gpus --json` or `llm-plan rules --json` print it.
 */
export const PresetListFileSchema = z
  .strictObject({
    schema: z.optional(z.literal('llm-plan/presets@1')),
    accelerators: z.optional(z.array(AcceleratorSchema)),
    rules: z.optional(z.array(RuleSchema)),
    lossModels: z.optional(z.array(LossModelSchema)),
  })
  .check(z.refine((file) => (file.accelerators?.length ?? 0) + (file.rules?.length ?? 0) + (file.lossModels?.length ?? 0) > 0, 'no presets in the file'));
