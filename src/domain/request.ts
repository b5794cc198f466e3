import * as z from 'zod';
import { CheckConfigSchema } from './schemas/check-file.js';

/**
 * The requests llm-plan answers, defined once: the CLI turns its flags into one, `--input` reads one
 * as JSON, and the library takes one as an object (`plan(request)`). Fields are named as the flags
 * are (camelCase) and as the document's `input` echo is, so `jq .input plan.json` is a request again.
 *
 * Values are ids (`gpu`, `rule`, `loss`, `precision`) and quantities in base units: a number is
 * parameters, tokens, FLOPs, USD, days or a fraction (`mfu: 0.4`). A quantity may also be a string in
 * the form its flag takes (`params: '7B'`, `mfu: '40%'`), read by the same parser with the same
 * checks. `null` means "not given", as in the echo. To add a field, add it to the shape of its
 * request: the CLI flag, the `--input` reader and the library all take it from here.
 */

/** A quantity in base units, or a string in the form its flag takes (`'7B'`, `'40%'`, `'$2.10'`). */
const quantity = z.union([z.number(), z.string()]);
/** A preset id or alias (`v100`, `deepmind`), or a preset file path (CLI and `--input` only). */
const id = z.string();

/** Where the compute comes from: an accelerator at a precision and MFU, and a price per GPU-hour. */
export const HardwareRequestShape = {
  gpu: id.describe('accelerator preset id or alias'),
  precision: id.describe('fp32, tf32, fp16, bf16 or fp8 (default bf16 where the GPU has it, else fp16)'),
  mfu: quantity.describe('model FLOPs utilisation in (0, 1] (default 0.40)'),
  price: quantity.describe('USD per GPU-hour'),
};

/** How the budget is split and scored. */
export const RuleRequestShape = {
  rule: id.describe("scaling rule id, or 'all' (default deepmind)"),
  loss: id.describe("loss model that scores the plans, or 'all'"),
  baseline: z.string().describe('N:D, your own run that re-anchors power-law rules (1B:20B)'),
};

/**
 * The sections a plan grows when asked: the cluster (booking, layout, architecture, memory, time), shape,
 * hyper-parameters, data and inference limits.
 */
export const ConstraintRequestShape = {
  gpus: quantity.describe('GPUs the run uses: layout, memory per GPU and wall-clock time; with days or hours and no budget, a booking'),
  days: quantity.describe('with a budget, a deadline (the GPUs needed); with gpus and no budget, the booking length'),
  hours: quantity.describe('the booking length in hours (with gpus, without a budget)'),
  zero: quantity.describe('fix the ZeRO stage 0-3 (default: the layout search picks one)'),
  seqLen: quantity.describe("sequence length in tokens (default 2048, or the arch preset's context up to 8192)"),
  microBatch: quantity.describe('fix the micro-batch, a power of two (default: searched)'),
  recompute: z.string().describe('fix activation recomputation (default: searched)'),
  optimizer: z.string().describe('optimizer for model-state memory (default adamw)'),
  gradDtype: z.string().describe('gradient precision: bf16 (default) or fp32'),
  flashAttn: z.boolean().describe('false: store the attention scores, as without FlashAttention (default true)'),
  layout: z.string().describe("evaluate one layout instead of searching: 'tp=N,pp=N'"),
  gpusPerNode: quantity.describe('GPUs per node (default 8)'),
  globalBatch: quantity.describe("sequences per step (default DeepSeek LLM's batch for the compute)"),
  arch: id.describe('architecture preset id (llama-2-70b, …), or a config.json path (CLI and --input only)'),
  layers: quantity.describe('architecture: transformer layers'),
  dModel: quantity.describe('architecture: hidden size'),
  heads: quantity.describe('architecture: attention heads'),
  kvHeads: quantity.describe('architecture: key/value heads (default = heads)'),
  ffn: quantity.describe('architecture: SwiGLU hidden width'),
  start: z.string().describe('start date YYYY-MM-DD for the finish date (default today)'),
  shape: z.boolean().describe('propose a layer shape for the parameter count'),
  vocab: quantity.describe('vocabulary size for the shape and the memory (default 32000)'),
  hyperparams: z.boolean().describe('suggest batch size and learning rate'),
  uniqueTokens: quantity.describe('unique tokens available: repeated data is worth less'),
  inferenceTokens: quantity.describe('tokens the model will serve: the lifetime-optimal model'),
};

/** Each field may be left out or `null` (not given). */
function optionalFields<T extends Record<string, z.ZodType>>(shape: T): { [K in keyof T]: z.ZodOptional<z.ZodNullable<T[K]>> } {
  return Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, schema.nullable().optional()])) as {
    [K in keyof T]: z.ZodOptional<z.ZodNullable<T[K]>>;
  };
}

/** One plan: exactly one of `budget`, `params`, `tokens`, `targetLoss`, plus hardware, rule and constraints. */
export const PlanRequestSchema = z
  .strictObject(
    optionalFields({
      budget: z.string().describe("compute budget: '5000gpuh', '200gpud', '1e23flops', '10pfd', '$50000'"),
      ...HardwareRequestShape,
      ...RuleRequestShape,
      params: quantity.describe('plan from a model size instead of a budget; with tokens, evaluate that run'),
      tokens: quantity.describe('plan from a dataset size instead of a budget; with params, evaluate that run'),
      model: id.describe('evaluate a real training run (gopher, chinchilla, llama-2-70b, …) against the optimum at its compute'),
      targetLoss: quantity.describe('plan the cheapest run whose predicted loss reaches this value (nats/token)'),
      range: z.boolean().describe('the spread across published variants of the law'),
      ...ConstraintRequestShape,
    }),
  )
  .meta({ title: 'llm-plan plan request', description: 'What llm-plan --input and plan() take: the plan flags as a JSON object.' });

/** The `--input` file of the plan command: a plan request, and `allowOverride` as the flag of that name. */
export const PlanRequestFileSchema = PlanRequestSchema.extend({ allowOverride: z.boolean().nullable().optional() });

/** A sweep: one plan per log-spaced budget of `budget: 'LO..HI'`. */
export const SweepRequestSchema = z
  .strictObject({
    budget: z.string().describe("range of budgets, any budget unit: '1e3gpuh..1e6gpuh'"),
    ...optionalFields({
      steps: quantity.describe('number of budgets, both ends included (default 7)'),
      ...HardwareRequestShape,
      ...RuleRequestShape,
    }),
  })
  .meta({ title: 'llm-plan sweep request', description: 'What sweep() takes: the sweep flags as a JSON object.' });

/** One training run: N parameters on D tokens reached this loss. */
const RunSchema = z.strictObject({ params: z.number(), tokens: z.number(), loss: z.number() });

/** A fit: the runs, and the settings of `llm-plan fit`. */
export const FitRequestSchema = z
  .strictObject({
    runs: z.array(RunSchema),
    ...optionalFields({
      dropTopLoss: z.number().describe('exclude the K highest-loss runs first'),
      delta: z.number().describe('Huber δ on log loss (default 1e-3)'),
      bootstrap: z.number().describe('resample the runs B times for 95% intervals'),
      seed: z.number().describe('seed of the bootstrap (default 0)'),
      budgets: z.union([z.string(), z.array(z.string())]).describe("FLOP or PF-day budgets for the compute-optimal N and D (default '1e24flops')"),
      input: z.string().describe("what the document's fit.input says the runs came from (default 'runs')"),
      date: z.string().describe('the ISO date (YYYY-MM-DD) the document records (default today)'),
    }),
  })
  .meta({ title: 'llm-plan fit request', description: 'What fit() takes: training runs and the fit settings.' });

/** A check: the configs of a check file, as data, and what to call their source. */
export const CheckRequestSchema = z
  .strictObject({
    configs: z.array(CheckConfigSchema).min(1).describe('the configs to check, each as one config of a check file (llm-plan schema check-file)'),
    file: z.string().optional().describe("what the document's file and each result's file say the configs came from (default 'configs')"),
  })
  .meta({ title: 'llm-plan check request', description: 'What check() takes: the configs of a check file as data.' });

export type PlanRequest = z.input<typeof PlanRequestSchema>;
export type SweepRequest = z.input<typeof SweepRequestSchema>;
export type FitRequest = z.input<typeof FitRequestSchema>;
export type CheckRequest = z.input<typeof CheckRequestSchema>;
