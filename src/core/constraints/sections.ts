import type { DataConstrainedPlan } from './data-constrained.js';
import type { Hyperparams } from './hyperparams.js';
import type { InferencePlan } from './inference.js';
import type { MemoryEstimate } from './memory.js';
import type { CostEstimate, TimeEstimate } from './schedule.js';
import type { ModelShape } from './shape.js';

/**
 * The optional sections of a plan row (`plans[]` in `llm-plan/plan@1`): each is present only when
 * its flag asks for it, so existing consumers see the same document as before.
 */
export interface PlanSections {
  /** `--gpus`, `--days` or a memory flag, with a GPU. */
  readonly memory?: MemoryEstimate;
  /** `--gpus` and/or `--days`, with a GPU. */
  readonly time?: TimeEstimate;
  /** `--price` with a GPU. */
  readonly cost?: CostEstimate;
  /** `--shape`. */
  readonly shape?: ModelShape;
  /** `--hyperparams`. */
  readonly hyperparams?: Hyperparams;
  /** `--unique-tokens`. */
  readonly dataConstrained?: DataConstrainedPlan;
  /** `--inference-tokens`. */
  readonly inference?: InferencePlan;
}
