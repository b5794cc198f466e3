import type { DataConstrainedPlan } from './data-constrained.js';
import type { Hyperparams } from './hyperparams.js';
import type { InferencePlan } from './inference.js';
import type { RunComparison } from '../chosen-run.js';
import type { ArchitectureSection, ClusterMemory, FlopsSection, LayoutSection } from '../cluster/plan-cluster.js';
import type { CostEstimate, TimeEstimate } from './schedule.js';
import type { ModelShape } from './shape.js';

/**
 * The optional sections of a plan row (`plans[]` in `llm-plan/plan@1`): each is present only when
 * its flag asks for it, so existing consumers see the same document as before.
 */
export interface PlanSections {
  /** `--gpus`, `--days` or a memory flag, with a GPU: memory per GPU of the chosen layout. */
  readonly memory?: ClusterMemory;
  /** With a memory estimate: the architecture (given, or proposed from N). */
  readonly architecture?: ArchitectureSection;
  /**
   * With a memory estimate: FLOPs per token, attention and recomputation included. (The issue's
   * `plans[].flops` is taken: it has been the row's 6·N·D since @1 began.)
   */
  readonly flopsPerToken?: FlopsSection;
  /** With a memory estimate: the chosen parallel layout and the ranked alternatives. */
  readonly layout?: LayoutSection & { readonly startDate?: string; readonly finishDate?: string };
  /** `--params N --tokens D` or `--model`: the run against the rule's optimum at the same compute. */
  readonly comparison?: RunComparison;
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
