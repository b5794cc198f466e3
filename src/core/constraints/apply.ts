import { decadesOutside, FAR_DECADES, formatDecades } from '../extrapolation.js';
import type { ChinchillaLoss, LossModel } from '../../domain/presets.js';
import { badInput } from '../../domain/errors.js';
import { formatCount, formatGrouped, formatNumber } from '../format.js';
import type { PlanDocument, RulePlan } from '../plan-document.js';
import { SECONDS_PER_HOUR } from '../../domain/units.js';
import { planDataConstrained } from './data-constrained.js';
import { suggestHyperparams } from './hyperparams.js';
import { planForInference } from './inference.js';
import { addDays } from '../chosen-run.js';
import type { ClusterRequest, planCluster } from '../cluster/plan-cluster.js';
import { clusterHardwareOf } from '../cluster/cluster-hardware.js';
import { estimateCost, estimateTime } from './schedule.js';
import { describeDataConstrained, describeInference } from './notes.js';
import type { PlanSections } from './sections.js';
import { proposeShape, SHAPE_TOLERANCE } from './shape.js';

/** What the constraint flags ask for, parsed and validated (see src/request/constraints.ts). */
export interface ConstraintRequest {
  readonly gpus?: number;
  readonly days?: number;
  /**
   * Present when a memory estimate is asked for (or implied by --gpus/--days): the cluster model
   * (architecture, layout search, memory per GPU, step time).
   */
  readonly memory?: {
    readonly cluster: ClusterRequest;
    /** Per-GPU link bandwidths, bytes/s per direction (accelerator preset, or the stated assumption). */
    readonly intraNodeBytesPerSecond: number;
    readonly interNodeBytesPerSecond: number;
    /** The accelerator has no interconnect figures: the bandwidths are llm-plan's assumption. */
    readonly interconnectAssumed: boolean;
    /** ISO date the run starts (the CLI passes today's); the finish date counts from it. */
    readonly startDate?: string;
    /** The booking (`--gpus` × `--days`/`--hours` without a budget), for the overrun note. */
    readonly bookedDays?: number;
  };
  readonly shape?: boolean;
  readonly vocabSize: number;
  readonly hyperparams?: boolean;
  readonly seqLen: number;
  readonly uniqueTokens?: number;
  readonly inferenceTokens?: number;
}

/** The cluster model's layout search (src/core/cluster/plan-cluster.ts), handed in by the caller. */
export type ClusterPlanner = typeof planCluster;

/**
 * Adds the asked-for sections to every plan row and their warnings to the notes. Returns a new
 * document; the rows' existing fields are untouched. `findLoss` resolves a row's loss model id.
 * `planClusterFor` is the cluster model, needed only when `request.memory` is set: the caller
 * passes it in, so that a plan without memory flags never loads the cluster model (issue 16).
 */
export function applyConstraints(plan: PlanDocument, request: ConstraintRequest, findLoss: (id: string) => LossModel, planClusterFor?: ClusterPlanner): PlanDocument {
  const { hardware } = plan;
  const wantsTime = request.gpus !== undefined || request.days !== undefined;
  if (!hardware && (wantsTime || request.memory)) {
    throw badInput('--gpus, --days and the memory flags need --gpu', 'add --gpu a100 (llm-plan gpus lists them)');
  }
  const notes: string[] = [];
  const label = (row: RulePlan): string => (plan.plans.length > 1 ? `${row.rule}: ` : '');
  const plans = plan.plans.map((row): RulePlan => {
    const sections: { -readonly [K in keyof PlanSections]: PlanSections[K] } = {};
    const gpuHours = hardware ? row.flops / (hardware.effectiveFlops * SECONDS_PER_HOUR) : undefined;

    if (wantsTime && gpuHours !== undefined) {
      sections.time = estimateTime(gpuHours, { gpus: request.gpus, targetDays: request.days });
      const { wallClockDays, gpusForTargetDays, targetDays, gpus } = sections.time;
      if (gpus !== undefined && wallClockDays !== undefined && targetDays !== undefined && wallClockDays > targetDays) {
        notes.push(`${label(row)}${formatGrouped(gpus)} GPUs take ${formatNumber(wallClockDays)} days, past the ${targetDays}-day target; ${formatGrouped(gpusForTargetDays ?? 0)} GPUs finish in time.`);
      }
    }
    if (plan.input.price !== null && gpuHours !== undefined) sections.cost = estimateCost(gpuHours, plan.input.price);

    const needsShape = request.shape === true || request.memory !== undefined;
    const shape = needsShape ? proposeShape(row.params, request.vocabSize) : undefined;
    if (request.shape && shape) {
      sections.shape = shape;
      if (!shape.withinTolerance) {
        notes.push(
          `${label(row)}No shape with a ${formatCount(request.vocabSize)} vocabulary comes within ${SHAPE_TOLERANCE * 100}% of ${formatCount(row.params)} parameters; ` +
            `the closest has ${formatCount(shape.params)} (embeddings alone ${formatCount(shape.embeddingParams)}).`,
        );
      }
    }

    if (request.memory && hardware) {
      if (!planClusterFor) throw new Error('applyConstraints: a memory estimate was asked for without the cluster model');
      const { memory } = request;
      const gpus = request.gpus ?? sections.time?.gpusForTargetDays ?? 1;
      const cluster = planClusterFor(
        row,
        gpus,
        clusterHardwareOf(hardware, memory),
        memory.cluster,
        suggestHyperparams(row.flops, memory.cluster.seqLen).batchSequences,
      );
      sections.memory = cluster.memory;
      sections.architecture = cluster.architecture;
      sections.flopsPerToken = cluster.flops;
      const { chosen } = cluster.layout;
      sections.layout = {
        ...cluster.layout,
        ...(memory.startDate === undefined || !chosen.fits ? {} : { startDate: memory.startDate, finishDate: addDays(memory.startDate, chosen.days) }),
      };
      notes.push(...cluster.notes.map((note) => `${label(row)}${note}`));
      if (memory.bookedDays !== undefined && chosen.fits && chosen.days > memory.bookedDays * 1.005) {
        const share = memory.bookedDays / chosen.days;
        const fitting = gpuHours === undefined ? '' : `; --budget ${Math.floor(gpuHours * share)}gpuh fits it`;
        notes.push(
          `${label(row)}The layout's estimate, ${formatNumber(chosen.days)} days, overruns the ${formatNumber(memory.bookedDays)}-day booking (the budget counts 6·N·D at the MFU; ` +
            `attention, recomputation, bubble and communication come on top): about ${formatNumber(share * 100)}% of this compute fits${fitting}.`,
        );
      }
    }

    if (request.hyperparams) sections.hyperparams = suggestHyperparams(row.flops, request.seqLen);

    if (request.uniqueTokens !== undefined) {
      const loss = chinchillaForm(findLoss(row.loss.model), '--unique-tokens');
      const section = planDataConstrained(loss, row.params, row.tokens, row.flops, request.uniqueTokens);
      sections.dataConstrained = section;
      notes.push(...describeDataConstrained(section).map((note) => `${label(row)}${note}`));
      const outside = decadesOutside(loss, { params: section.effectiveParams, tokens: section.effectiveTokens });
      if (outside >= FAR_DECADES) {
        notes.push(
          `${label(row)}Warning: the limited-data loss ${section.loss.toPrecision(4)} scores N′ = ${formatCount(section.effectiveParams)} and D′ = ${formatCount(section.effectiveTokens)},` +
            ` ${formatDecades(outside)} decades outside the runs ${loss.id} was fitted on: outside the model's validity, not a prediction to rely on.`,
        );
      }
    }

    if (request.inferenceTokens !== undefined) {
      const loss = chinchillaForm(findLoss(row.loss.model), '--inference-tokens');
      sections.inference = planForInference(loss, row.params, row.tokens, request.inferenceTokens);
      notes.push(...describeInference(row.rule, sections.inference));
    }
    return { ...row, ...sections };
  });

  if (request.memory) {
    notes.push(
      'Memory and time are first-order estimates (Korthikanti et al. 2022; Narayanan et al. 2021; ZeRO): 10% of each GPU is set aside for buffers and fragmentation; ' +
        '--mfu is the utilisation of the compute itself, and recomputation, the pipeline bubble and exposed communication come on top.',
    );
    if (request.memory.interconnectAssumed) {
      notes.push('This GPU preset has no interconnect figures: the layout assumes PCIe 4.0 x16 between GPUs (32 GB/s per direction) and 100 Gb/s between nodes.');
    }
  }
  if (request.hyperparams) {
    notes.push("Batch size and learning rate are DeepSeek LLM's fit on its own data (arXiv:2401.02954 §3.1), applied to C = 6·N·D: a starting point for a sweep.");
  }
  if (request.inferenceTokens !== undefined) {
    notes.push('Inference-aware size (Sardana et al. 2023): the same loss as the plan at the least training + inference compute (6·N·D + 2·N·D_inference).');
  }
  return { ...plan, plans, notes: [...plan.notes, ...dedupe(notes)] };
}

function chinchillaForm(loss: LossModel, flag: string): ChinchillaLoss {
  if (loss.form === 'chinchilla') return loss;
  throw badInput(
    `${flag} needs a loss model of the form E + A/N^α + B/D^β, and ${loss.id} is Kaplan's form`,
    'score the plan with --loss hoffmann2022 or --loss besiroglu2024',
  );
}

function dedupe(notes: readonly string[]): string[] {
  return [...new Set(notes)];
}
