import * as z from 'zod';
import { parseSiNumber } from '../si.js';

/**
 * The files `llm-plan check` reads (JSON or YAML): one config, a list of configs, or
 * `{ configs: [...] }`. Strict, so a misspelt field is an error, not a silently skipped check.
 * Counts are numbers or SI strings ('70B', '1.4T', '1e25').
 */

/** A positive count given as a number or an SI string; checked here, converted by the caller. */
function quantity(example: string) {
  const message = `expected a number or a string like ${example}`;
  return z.union([z.number(), z.string()], { error: message }).superRefine((value, context) => {
    const number = typeof value === 'number' ? value : parseSiNumber(value);
    if (number !== undefined && number > 0 && Number.isFinite(number)) return;
    // A number that is not a count (0, negative, too large) gets its own message; text gets the shape.
    context.addIssue({ code: 'custom', message: typeof value === 'number' || number !== undefined ? `expected a positive, finite count such as ${example}` : message });
  });
}

/** A whole count given as a number or an SI string ('4k'); the plan's flag parser checks its range. */
function wholeCount(example: string) {
  return z.union([z.number(), z.string()], { error: `expected a whole number such as ${example}` });
}

const positiveInt = (what: string) => z.number({ error: `expected a whole number of ${what}` }).int(`expected a whole number of ${what}`).positive(`expected a positive number of ${what}`);

/** An architecture given inline (issue 12): the shape flags of the plan command, as fields. */
export const CheckArchitectureSchema = z.strictObject({
  layers: positiveInt('layers'),
  dModel: positiveInt('hidden units').describe('hidden size (h)'),
  heads: positiveInt('heads').describe('attention (query) heads'),
  kvHeads: positiveInt('KV heads').optional().describe('key/value heads (default: heads, no grouped-query attention)'),
  ffn: positiveInt('feed-forward units').describe('feed-forward hidden width'),
  vocab: positiveInt('tokens').optional().describe('vocabulary size (default 32,000)'),
  tiedEmbeddings: z.boolean({ error: 'expected true or false' }).optional().describe('output head shares the input embedding (default false)'),
});

/** `layout: {tp: 8, pp: 4}`, or the string `--layout` takes. */
export const CheckLayoutFieldSchema = z.strictObject({
  tp: positiveInt('GPUs').optional().describe('tensor-parallel GPUs'),
  pp: positiveInt('stages').optional().describe('pipeline stages'),
});

const fraction = z.number({ error: 'expected a number such as 0.25' }).nonnegative().finite();
const positive = z.number({ error: 'expected a positive number' }).positive().finite();

export const CheckConfigSchema = z.strictObject({
  // Printed in the report as it is: no control characters (escape sequences, carriage returns).
  name: z.string().min(1).regex(/^[^\u0000-\u0008\u000b-\u001f\u007f-\u009f]*$/, 'no control characters').optional(),
  params: quantity('70B'),
  tokens: quantity('1.4T').optional(),
  flops: quantity('5.88e23').optional().describe('training FLOPs, instead of tokens: D = flops / (6·params)'),
  budget: z.string({ error: "expected a budget string such as '5000gpuh' or '1e23flops'" }).optional(),
  gpu: z.string().optional(),
  precision: z.string().optional(),
  mfu: z.union([z.number(), z.string()], { error: "expected a number such as 0.4 or a string such as '40%'" }).optional(),
  price: z.union([z.number(), z.string()], { error: 'expected USD per GPU-hour, such as 2.1' }).optional(),
  gpus: z.number({ error: 'expected a whole number of GPUs such as 256' }).int('expected a whole number of GPUs such as 256').positive().max(1e9).optional().describe('how many GPUs run it: wall-clock days for maxDays; with gpu, the layout search and does-not-fit'),
  // The cluster (issue 12): with gpu and gpus, the plan's layout search runs for the config's N and D.
  arch: z
    .union([z.string(), CheckArchitectureSchema], { error: "expected an architecture id such as 'llama-2-70b' or a shape {layers, dModel, heads, ffn}" })
    .optional()
    .describe('architecture preset id (llama-2-70b, llama-3.1-405b, gpt-3-175b, …: presets/architectures.json), or the shape inline; default: proposed from params'),
  layout: z
    .union([z.string(), CheckLayoutFieldSchema], { error: "expected 'tp=8,pp=4' or {tp: 8, pp: 4}" })
    .optional()
    .describe("evaluate this tensor × pipeline split ('tp=8,pp=4' or {tp, pp}); data parallelism takes the remaining GPUs"),
  gpusPerNode: wholeCount('8').optional().describe('GPUs per node (default 8): tensor parallelism stays inside one'),
  seqLen: wholeCount('4096').optional().describe("tokens per sequence (default 2048, or the arch preset's context up to 8192)"),
  microBatch: wholeCount('1').optional().describe('sequences per GPU per micro-batch: a power of two up to 64 (default: searched)'),
  globalBatch: wholeCount('1024').optional().describe("sequences per step (default: DeepSeek LLM's batch for the compute)"),
  zero: z.union([z.number(), z.string()], { error: 'expected a ZeRO stage 0, 1, 2 or 3' }).optional().describe('ZeRO stage 0, 1, 2 or 3 (default: searched)'),
  recompute: z.string({ error: 'expected none, selective or full' }).optional().describe('activation recomputation: none, selective or full (default: searched)'),
  optimizer: z.string({ error: 'expected adamw, adafactor or sgd' }).optional().describe('adamw (default), adafactor or sgd'),
  gradDtype: z.string({ error: 'expected bf16 or fp32' }).optional().describe('gradient precision: bf16 (default, 2 bytes) or fp32 (4 bytes)'),
  flashAttn: z.boolean({ error: 'expected true or false' }).optional().describe('FlashAttention (default true): no s² attention scores stored'),
  rule: z.string().optional().describe('the rule whose optimum the config is compared with (default deepmind)'),
  loss: z.string().optional().describe("the loss model for maxLoss (default: the rule's)"),
  tolerance: fraction.optional().describe('allowed |N/N_opt − 1| (default 0.25)'),
  budgetTolerance: fraction.optional().describe('allowed overspend of the budget as a fraction (default 0)'),
  minTokensPerParam: positive.optional(),
  maxTokensPerParam: positive.optional(),
  maxLoss: positive.optional(),
  maxFlops: quantity('1e25').optional(),
  maxDays: positive.optional().describe('wall-clock days on gpus × gpu at mfu (needs gpu and gpus)'),
  maxCost: positive.optional().describe('USD at price per GPU-hour (needs gpu and price)'),
});

export type CheckConfig = z.infer<typeof CheckConfigSchema>;

/** A whole check file: one config, a list, or `{ configs: [...] }`. */
export const CheckFileSchema = z
  .union([CheckConfigSchema, z.array(CheckConfigSchema).min(1), z.strictObject({ configs: z.array(CheckConfigSchema).min(1) })])
  .meta({ title: 'llm-plan check file', description: 'Training configs for llm-plan check: one, a list, or { configs: [...] }.' });
