/**
 * llm-plan as a library: the same requests and documents as the CLI. Each function takes a request
 * (the flags as an object: ids and base-unit numbers, or strings as the flags take them) and returns
 * exactly the document `llm-plan … --json` prints for it. Errors are `PlanError`s with a `code`
 * (`bad-input`, `unknown-id`, `invalid-file`) and a one-line `message` and `hint`.
 *
 * @example
 * ```ts
 * import { plan } from 'llm-plan';
 *
 * const doc = plan({ budget: '5000gpuh', gpu: 'v100' });
 * console.log(doc.plans[0].params, doc.plans[0].tokens, doc.plans[0].loss.value);
 * ```
 *
 * @packageDocumentation
 */

// The front door: one request in, one document out.
export { catalog, check, fit, plan, sweep, type CatalogDocument } from './request/library.js';
export type { SweepDocument, SweepInput } from './request/sweep.js';

// The requests, and the zod schemas that define them (for validating your own input first).
export { CheckRequestSchema, FitRequestSchema, PlanRequestSchema, SweepRequestSchema } from './domain/request.js';
export type { CheckRequest, FitRequest, PlanRequest, SweepRequest } from './domain/request.js';

// The documents, and the zod schemas their JSON Schemas come from (`llm-plan schema NAME`).
export type { PlanDocument, PlanInput, RulePlan } from './core/plan-document.js';
export type { FitDocument } from './core/fit/document.js';
export { PlanDocumentSchema } from './domain/schemas/plan.js';
export { SweepDocumentSchema } from './domain/schemas/sweep.js';
export { FitDocumentSchema } from './domain/schemas/fit.js';
export { PresetsDocumentSchema } from './domain/schemas/presets-document.js';
export { CheckDocumentSchema } from './domain/schemas/check.js';
export type { CheckDocument, CheckResult, Violation, ViolationCode } from './domain/schemas/check.js';

// The preset vocabulary: what `catalog()` lists and a user preset file holds.
export { AcceleratorSchema, LossModelSchema, RuleSchema } from './domain/presets.js';
export type {
  Accelerator,
  ChinchillaLoss,
  FitInfo,
  FittedLawRule,
  KaplanLoss,
  LossModel,
  LossOptimalRule,
  PowerLawRule,
  Precision,
  Rule,
  TokensPowerLawRule,
} from './domain/presets.js';

export { PlanError, type PlanErrorCode } from './domain/errors.js';

/** The cluster model (architecture, FLOPs, memory per GPU, layout search) as one namespace. */
export * as cluster from './core/cluster/index.js';
