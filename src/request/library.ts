import * as z from 'zod';
import type { FitDocument } from '../core/fit/document.js';
import type { CheckDocument } from '../domain/schemas/check.js';
import type { PlanDocument } from '../core/plan-document.js';
import { PlanError } from '../domain/errors.js';
import type { Accelerator, LossModel, Rule } from '../domain/presets.js';
import {
  CheckRequestSchema,
  FitRequestSchema,
  PlanRequestSchema,
  SweepRequestSchema,
  type CheckRequest,
  type FitRequest,
  type PlanRequest,
  type SweepRequest,
} from '../domain/request.js';
import { describeFirstIssue } from '../domain/schemas/describe-issue.js';
import { BUILTIN_CATALOG } from '../presets/catalog.js';
import { checkDocument } from './check.js';
import { fitRuns, fitSettingsOf } from './fit.js';
import { CLUSTER_MODEL } from './cluster-model.js';
import { planDocument } from './plan.js';
import { sweepDocument, type SweepDocument } from './sweep.js';

/** A request that does not match its schema: one line naming the field, as the CLI prints for `--input`. */
function validate<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new PlanError('bad-input', describeFirstIssue(parsed.error, what, '', (path) => (path.length === 0 ? keysOf(schema) : [])));
}

function keysOf(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/**
 * Plans a training run: the parameters, tokens and predicted loss a compute budget buys under a
 * scaling law, as the `llm-plan/plan@1` document that `llm-plan … --json` prints for the same flags.
 *
 * Give exactly one of `budget`, `params`, `tokens` or `targetLoss`. Ids are preset ids or aliases
 * (`gpu: 'v100'`, `rule: 'deepmind'`); quantities are numbers in base units or strings as the flag
 * takes them (`params: 7e9` or `'7B'`, `mfu: 0.4` or `'40%'`). Throws `PlanError` (code
 * `bad-input` or `unknown-id`) on a request it cannot plan.
 *
 * @example
 * ```ts
 * const doc = plan({ budget: '5000gpuh', gpu: 'v100' });
 * doc.compute.flops;          // 9e20: 5000 h × 3600 s × 125 TFLOP/s (fp16) × MFU 0.40
 * doc.plans[0].params;        // ≈ 2.7e9 parameters under the Chinchilla rule (20 tokens per parameter)
 * ```
 */
export function plan(request: PlanRequest): PlanDocument {
  const valid = validate(PlanRequestSchema, request, 'plan request');
  // A finish date counts from today unless `start` says otherwise, as on the command line.
  return planDocument({ ...valid, start: valid.start ?? today() }, BUILTIN_CATALOG, CLUSTER_MODEL);
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * One plan per log-spaced budget of a range: the `llm-plan/sweep@1` document that
 * `llm-plan sweep … --json` prints. `steps` budgets (default 7), both ends included.
 *
 * @example
 * ```ts
 * const doc = sweep({ budget: '1e21flops..1e23flops', steps: 3 });
 * doc.rows.map((row) => row.compute.flops); // [1e21, 1e22, 1e23]
 * ```
 */
export function sweep(request: SweepRequest): SweepDocument {
  return sweepDocument(validate(SweepRequestSchema, request, 'sweep request'), BUILTIN_CATALOG);
}

/**
 * Fits `L = E + A/N^α + B/D^β` (Hoffmann et al. 2022 §3.3) to your training runs: the
 * `llm-plan/fit@1` document that `llm-plan fit FILE --json` prints, a loss-model preset that
 * `--loss` can load. At least six runs; `bootstrap: 1000` adds 95% percentile intervals.
 *
 * @example
 * ```ts
 * const law = fit({ runs: [{ params: 1e8, tokens: 2e9, loss: 3.2 }, …], date: '2026-01-31' });
 * law.alpha; law.beta; law.fit.optimal[0].params; // the compute-optimal N at 1e24 FLOPs
 * ```
 */
export function fit(request: FitRequest): FitDocument {
  const { runs, input, date, ...settings } = validate(FitRequestSchema, request, 'fit request');
  const source = { input: input ?? 'runs', date: date ?? today() };
  return fitRuns(runs, fitSettingsOf(settings), source).document;
}

/** The outer shape of a check request; each config is validated as the CLI validates a check file's, with the same messages. */
const CheckRequestShapeSchema = CheckRequestSchema.extend({ configs: z.array(z.unknown()).min(1) });

/**
 * Checks configs against the compute-optimal frontier and their own limits (budget, tokens per
 * parameter, loss, FLOPs, days, cost): the `llm-plan/check@1` document that
 * `llm-plan check FILE --json` prints for a check file holding the same configs. Each config is one
 * config of a check file (`llm-plan schema check-file`); with no file to point into, each result's
 * `location` is null. A config that cannot be checked (a misspelt field, an unknown GPU) throws
 * `PlanError` (code `invalid-file`) naming the config and the field.
 *
 * @example
 * ```ts
 * const report = check({ configs: [{ name: 'llama-70b', params: '70B', tokens: '100B' }] });
 * report.passed;                        // false: 1.43 tokens per parameter is far from the optimum
 * report.results[0].violations[0].code; // 'off-optimum'
 * ```
 */
export function check(request: CheckRequest): CheckDocument {
  const { configs, file } = validate(CheckRequestShapeSchema, request, 'check request');
  return checkDocument({ configs, file: file ?? 'configs' }, BUILTIN_CATALOG, CLUSTER_MODEL);
}

/** The `llm-plan/presets@1` document of every built-in preset: accelerators, rules, loss models. */
export interface CatalogDocument {
  readonly schema: 'llm-plan/presets@1';
  readonly accelerators: readonly Accelerator[];
  readonly rules: readonly Rule[];
  readonly lossModels: readonly LossModel[];
}

/**
 * The built-in presets, each with its source: what `llm-plan gpus --json` (accelerators) and
 * `llm-plan rules --json` (rules and loss models) print.
 *
 * @example
 * ```ts
 * catalog().accelerators.find((gpu) => gpu.id === 'h100-sxm5')?.denseTflops.bf16; // 989.5
 * ```
 */
export function catalog(): CatalogDocument {
  const { accelerators, rules, lossModels } = BUILTIN_CATALOG;
  return { schema: 'llm-plan/presets@1', accelerators, rules, lossModels };
}
