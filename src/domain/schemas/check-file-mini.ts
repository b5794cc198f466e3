import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { parseSiNumber } from '../si.js';

/**
 * The config schema of ./check-file.ts again, in zod's mini API, for validating each config of a
 * check file at run time (`llm-plan check`). The classic API costs about 95 kB and 15–20 ms at every
 * start, constructing its schemas; the mini one a fifth of both (issue 16). The classic schema stays
 * the source of `llm-plan schema check-file` (precomputed at build) and of the library's request.
 * Both run the same checks of zod's core in the same order, so a config passes or fails alike, with
 * the same messages: tests/domain/check-file-mini.test.ts holds the JSON Schema of both equal (less
 * the descriptions, which only document) and compares the errors of both on the fixtures and many
 * broken copies. Change both together.
 */

// The classic API sets the English messages when it loads; the mini API leaves that to its user.
z.config(en());

/** A positive count given as a number or an SI string; checked here, converted by the caller. */
function quantity(example: string) {
  const message = `expected a number or a string like ${example}`;
  return z.union([z.number(), z.string()], { error: message }).check(
    z.superRefine((value, context) => {
      const number = typeof value === 'number' ? value : parseSiNumber(value);
      if (number !== undefined && number > 0 && Number.isFinite(number)) return;
      context.addIssue({ code: 'custom', message: typeof value === 'number' || number !== undefined ? `expected a positive, finite count such as ${example}` : message });
    }),
  );
}

/** A whole count given as a number or an SI string ('4k'); the plan's flag parser checks its range. */
const wholeCount = (example: string) => z.union([z.number(), z.string()], { error: `expected a whole number such as ${example}` });

const positiveInt = (what: string) => z.number({ error: `expected a whole number of ${what}` }).check(z.int(`expected a whole number of ${what}`), z.positive(`expected a positive number of ${what}`));
const bool = () => z.boolean({ error: 'expected true or false' });

export const CheckArchitectureSchema = z.strictObject({
  layers: positiveInt('layers'),
  dModel: positiveInt('hidden units'),
  heads: positiveInt('heads'),
  kvHeads: z.optional(positiveInt('KV heads')),
  ffn: positiveInt('feed-forward units'),
  vocab: z.optional(positiveInt('tokens')),
  tiedEmbeddings: z.optional(bool()),
});

export const CheckLayoutFieldSchema = z.strictObject({
  tp: z.optional(positiveInt('GPUs')),
  pp: z.optional(positiveInt('stages')),
});

// The classic schema's `.finite()` adds no check (zod 4 numbers are finite already).
const fraction = z.number({ error: 'expected a number such as 0.25' }).check(z.nonnegative());
const positive = z.number({ error: 'expected a positive number' }).check(z.positive());
const numberOrText = (error: string) => z.union([z.number(), z.string()], { error });

export const CheckConfigSchema = z.strictObject({
  name: z.optional(z.string().check(z.minLength(1), z.regex(/^[^\u0000-\u0008\u000b-\u001f\u007f-\u009f]*$/, 'no control characters'))),
  params: quantity('70B'),
  tokens: z.optional(quantity('1.4T')),
  flops: z.optional(quantity('5.88e23')),
  budget: z.optional(z.string({ error: "expected a budget string such as '5000gpuh' or '1e23flops'" })),
  gpu: z.optional(z.string()),
  precision: z.optional(z.string()),
  mfu: z.optional(numberOrText("expected a number such as 0.4 or a string such as '40%'")),
  price: z.optional(numberOrText('expected USD per GPU-hour, such as 2.1')),
  gpus: z.optional(
    z.number({ error: 'expected a whole number of GPUs such as 256' }).check(z.int('expected a whole number of GPUs such as 256'), z.positive(), z.lte(1e9)),
  ),
  arch: z.optional(z.union([z.string(), CheckArchitectureSchema], { error: "expected an architecture id such as 'llama-2-70b' or a shape {layers, dModel, heads, ffn}" })),
  layout: z.optional(z.union([z.string(), CheckLayoutFieldSchema], { error: "expected 'tp=8,pp=4' or {tp: 8, pp: 4}" })),
  gpusPerNode: z.optional(wholeCount('8')),
  seqLen: z.optional(wholeCount('4096')),
  microBatch: z.optional(wholeCount('1')),
  globalBatch: z.optional(wholeCount('1024')),
  zero: z.optional(numberOrText('expected a ZeRO stage 0, 1, 2 or 3')),
  recompute: z.optional(z.string({ error: 'expected none, selective or full' })),
  optimizer: z.optional(z.string({ error: 'expected adamw, adafactor or sgd' })),
  gradDtype: z.optional(z.string({ error: 'expected bf16 or fp32' })),
  flashAttn: z.optional(bool()),
  rule: z.optional(z.string()),
  loss: z.optional(z.string()),
  tolerance: z.optional(fraction),
  budgetTolerance: z.optional(fraction),
  minTokensPerParam: z.optional(positive),
  maxTokensPerParam: z.optional(positive),
  maxLoss: z.optional(positive),
  maxFlops: z.optional(quantity('1e25')),
  maxDays: z.optional(positive),
  maxCost: z.optional(positive),
});
