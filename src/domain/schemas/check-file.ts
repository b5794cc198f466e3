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
  gpus: z.number({ error: 'expected a whole number of GPUs such as 256' }).int('expected a whole number of GPUs such as 256').positive().max(1e9).optional().describe('how many GPUs run it: wall-clock days for maxDays'),
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
