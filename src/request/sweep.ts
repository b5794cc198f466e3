import { parseBudgetRange } from '../core/budget-range.js';
import { toCompute } from '../core/compute.js';
import type { PlanDocument } from '../core/plan-document.js';
import { parseSteps, sweepBudgetAt, SWEEP_SCHEMA_ID } from '../core/sweep.js';
import { badInput } from '../domain/errors.js';
import type { SweepRequest } from '../domain/request.js';
import { BUILTIN_CATALOG, type PresetCatalog } from '../presets/catalog.js';
import { planForCompute, requestAsText, resolvePlanSetup, type PlanOptions } from './plan.js';

/** The `input` echo of a sweep: the range as given, the steps, and the plan setup's echo. */
export type SweepInput = Readonly<Record<string, unknown>>;

/** A sweep ready to write: its echo, how many rows, and each row computed when asked for. */
export interface PreparedSweep {
  readonly input: SweepInput;
  readonly count: number;
  readonly planAt: (index: number) => PlanDocument;
}

/** The `llm-plan/sweep@1` document: what `llm-plan sweep --json` prints and the library's `sweep()` returns. */
export interface SweepDocument {
  readonly schema: typeof SWEEP_SCHEMA_ID;
  readonly input: SweepInput;
  readonly rows: readonly PlanDocument[];
}

/** The default of `steps`: seven budgets, both ends included. */
export const DEFAULT_SWEEP_STEPS = 7;

/**
 * Checks a sweep request and prepares its rows: both ends are planned before anything is returned,
 * so an error never leaves half an output.
 */
export function prepareSweep(request: SweepRequest, catalog: PresetCatalog = BUILTIN_CATALOG): PreparedSweep {
  const options = requestAsText(request) as PlanOptions & { readonly steps?: string };
  if (options.budget === undefined) {
    throw badInput('sweep needs --budget LO..HI', 'for example: llm-plan sweep --budget 1e3gpuh..1e6gpuh --steps 7 --gpu h100');
  }
  const range = parseBudgetRange(options.budget);
  const steps = parseSteps(options.steps ?? String(DEFAULT_SWEEP_STEPS));
  const setup = resolvePlanSetup(options, catalog);
  const budgetAt = sweepBudgetAt(range, steps);
  // The rows are made as they are written, so a million-row sweep holds no million budgets.
  const planAt = (index: number): PlanDocument => {
    if (!(index >= 0 && index < steps)) throw new RangeError(`sweep row ${index} is out of range`);
    const budget = budgetAt(index);
    return planForCompute(setup, toCompute(budget, setup.hardware, setup.price), { budget: budget.text, params: null, tokens: null, targetLoss: null });
  };
  // The FLOPs of a budget rise with its amount, and N and D with the FLOPs under every rule, so if
  // both ends convert and plan, every row between does.
  planAt(0);
  planAt(steps - 1);
  return { input: { budget: options.budget, steps, ...setup.input }, count: steps, planAt };
}

/** The whole sweep document, every row in memory (the CLI streams the rows instead). */
export function sweepDocument(request: SweepRequest, catalog: PresetCatalog = BUILTIN_CATALOG): SweepDocument {
  const { input, count, planAt } = prepareSweep(request, catalog);
  return { schema: SWEEP_SCHEMA_ID, input, rows: Array.from({ length: count }, (_, index) => planAt(index)) };
}
