/**
 * llm-plan as a library: the same pure functions the CLI calls.
 *
 * @example
 * import { parseBudget, toCompute, resolveHardware, BUILTIN_ACCELERATORS } from 'llm-plan';
 */
export * from './core/baseline.js';
export * from './core/budget.js';
/** The cluster model (architecture, FLOPs, memory per GPU, layout search) as one namespace. */
export * as cluster from './core/cluster/index.js';
export * from './core/budget-range.js';
export * from './core/compute.js';
export * from './domain/errors.js';
// The fit API by name (not `export *`): its helpers (PRNG, grid, parameter indexes) stay internal.
export {
  bootstrapFit,
  compareRuns,
  computeOptimal,
  createFitDocument,
  dropTopLoss,
  fitScalingLaw,
  minimizeLbfgs,
  optimalParamsExponent,
  parseRuns,
  percentileInterval,
  FIT_SCHEMA_ID,
} from './core/fit/index.js';
export type {
  BootstrapOptions,
  BootstrapResult,
  FitBudget,
  FitContext,
  FitDocument,
  FitOptions,
  FitResult,
  LbfgsOptions,
  LbfgsResult,
  Run,
  RunComparison,
} from './core/fit/index.js';
export * from './core/format.js';
export * from './core/hardware.js';
export * from './core/inverse.js';
export * from './core/loss.js';
export * from './core/params-law.js';
export * from './core/plan.js';
export * from './core/plan-document.js';
export * from './core/pair-rules.js';
export * from './core/plan-extras.js';
export * from './core/spread.js';
export * from './core/spread-variants.js';
export * from './core/resolve.js';
export * from './core/rules.js';
export * from './domain/si.js';
export * from './core/sweep.js';
export * from './domain/units.js';
export * from './presets/builtin.js';
export * from './domain/presets.js';
export * from './core/check.js';
export * from './presets/catalog.js';
export * from './core/constraints/apply.js';
export * from './core/constraints/data-constrained.js';
export * from './core/constraints/hyperparams.js';
export * from './core/constraints/inference.js';
export * from './core/constraints/memory.js';
export * from './core/constraints/schedule.js';
export * from './core/constraints/sections.js';
export * from './core/constraints/shape.js';
export * from './core/format-bytes.js';
