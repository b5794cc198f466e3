import { applyConstraints, type ClusterPlanner, type ConstraintRequest } from '../core/constraints/apply.js';
import { DEFAULT_SEQ_LEN } from '../core/cluster/choices.js';
import { DEFAULT_VOCAB } from '../core/constraints/shape.js';
import type { Architecture } from '../domain/architecture.js';
import type { ArchitectureOrigin } from '../core/cluster/plan-cluster.js';
import { parseClusterOptions, type ClusterOptions, type Interconnect } from './cluster.js';
import { badInput } from '../domain/errors.js';
import { formatNumber } from '../core/format.js';
import type { PlanDocument } from '../core/plan-document.js';
import { parsePositiveQuantity } from '../domain/si.js';
import type { LossModel } from '../domain/presets.js';

/** The constraint flags as commander hands them over (issues 6 and 12). */
export interface ConstraintOptions extends ClusterOptions {
  readonly gpus?: string;
  readonly days?: string;
  readonly zero?: string;
  readonly seqLen?: string;
  readonly microBatch?: string;
  readonly recompute?: string;
  readonly optimizer?: string;
  readonly shape?: boolean;
  readonly vocab?: string;
  readonly hyperparams?: boolean;
  readonly uniqueTokens?: string;
  readonly inferenceTokens?: string;
  /** `--hours`: a booking's length in hours (with --gpus, without --budget). */
  readonly hours?: string;
}

/** What the constraint flags need from the rest of the request: the resolved cluster inputs. */
export interface ConstraintContext {
  readonly architecture?: { readonly arch: Architecture; readonly origin: Exclude<ArchitectureOrigin, 'proposed'> };
  readonly interconnect?: Interconnect;
  /** Days of a booking (`--gpus` with `--days`/`--hours`, no budget). */
  readonly bookedDays?: number;
  /** Sequence length when --seq-len is not given (an architecture preset's context). */
  readonly defaultSeqLen?: number;
}

/**
 * Adds the sections the constraint flags ask for to a plan. `lossModels` must hold every model
 * that scores a row (the built-ins and any user-supplied one). `planClusterFor` is the cluster
 * model, needed when the flags ask for memory or layout (see needsClusterModel in ./plan.ts).
 */
export function applyConstraintOptions(
  plan: PlanDocument,
  options: ConstraintOptions,
  lossModels: readonly LossModel[],
  context: ConstraintContext = {},
  planClusterFor?: ClusterPlanner,
): PlanDocument {
  const request = parseConstraintOptions(options, context);
  const costAsked = plan.input.price !== null && plan.hardware !== null;
  const asked =
    costAsked || request.gpus !== undefined || request.days !== undefined || request.memory || request.shape || request.hyperparams ||
    request.uniqueTokens !== undefined || request.inferenceTokens !== undefined;
  if (!asked) return plan;
  const findLoss = (id: string): LossModel => {
    const found = lossModels.find((model) => model.id === id);
    if (!found) throw new Error(`loss model '${id}' scored a row but is not known`);
    return found;
  };
  return applyConstraints(plan, request, findLoss, planClusterFor);
}

/** Parses and cross-checks the constraint flags. */
export function parseConstraintOptions(options: ConstraintOptions, context: ConstraintContext = {}): ConstraintRequest {
  const gpus = options.gpus === undefined ? undefined : parseWholeNumber(options.gpus, '--gpus', MAX.gpus);
  // A booking's --days is its length, not a deadline (the time section then shows those GPUs).
  const days = options.days === undefined ? undefined : parseBounded(options.days, '--days', MAX.days, MIN_DAYS);
  const memoryFlagGiven = [
    options.zero, options.microBatch, options.recompute, options.optimizer, options.layout, options.gpusPerNode, options.globalBatch, options.gradDtype,
    options.arch, options.layers, options.dModel, options.heads, options.kvHeads, options.ffn,
  ].some((value) => value !== undefined) || options.flashAttn === false;
  const wantsMemory = gpus !== undefined || days !== undefined || memoryFlagGiven || (options.seqLen !== undefined && !options.hyperparams);
  const seqLen = options.seqLen === undefined ? (context.defaultSeqLen ?? DEFAULT_SEQ_LEN) : parseWholeNumber(options.seqLen, '--seq-len', MAX.seqLen);
  if (options.vocab !== undefined && !options.shape && !wantsMemory) {
    throw badInput('--vocab needs --shape (or a memory estimate: --gpus)', 'for example: --shape --vocab 50257');
  }
  const cluster = parseClusterOptions(options);
  const interconnect = context.interconnect ?? { intraNodeBytesPerSecond: 32e9, interNodeBytesPerSecond: 12.5e9, assumed: true };
  const vocab = options.vocab === undefined ? DEFAULT_VOCAB : parseWholeNumber(options.vocab, '--vocab', MAX.vocab);
  return {
    ...(gpus === undefined ? {} : { gpus }),
    ...(days === undefined ? {} : { days }),
    ...(wantsMemory
      ? {
          memory: {
            cluster: {
              ...(context.architecture ? { architecture: context.architecture } : {}),
              vocab,
              seqLen,
              optimizer: cluster.optimizer,
              gradDtype: cluster.gradDtype,
              flashAttention: cluster.flashAttention,
              gpusPerNode: cluster.gpusPerNode,
              ...(cluster.globalBatch === undefined ? {} : { globalBatch: cluster.globalBatch }),
              constraints: cluster.constraints,
              fixedLayout: cluster.fixedLayout,
            },
            intraNodeBytesPerSecond: interconnect.intraNodeBytesPerSecond,
            interNodeBytesPerSecond: interconnect.interNodeBytesPerSecond,
            interconnectAssumed: interconnect.assumed,
            ...(cluster.startDate === undefined ? {} : { startDate: cluster.startDate }),
            ...(context.bookedDays === undefined ? {} : { bookedDays: context.bookedDays }),
          },
        }
      : {}),
    shape: options.shape === true,
    vocabSize: vocab,
    hyperparams: options.hyperparams === true,
    seqLen,
    ...(options.uniqueTokens === undefined ? {} : { uniqueTokens: parseBounded(options.uniqueTokens, '--unique-tokens', MAX.tokens, 1) }),
    ...(options.inferenceTokens === undefined ? {} : { inferenceTokens: parseBounded(options.inferenceTokens, '--inference-tokens', MAX.tokens, 1) }),
  };
}

/**
 * Upper bounds far beyond any real run; they keep every derived figure finite (a 1e308-token
 * demand would overflow the FLOP counts) so the output never carries NaN or Infinity.
 */
const MAX = { gpus: 1e9, days: 1e6, seqLen: 1e8, microBatch: 1e6, vocab: 1e8, tokens: 1e30 } as const;
/** A deadline shorter than a minute (1/1440 day) is surely a typo. */
const MIN_DAYS = 1 / 1440;

/** What each constraint flag takes, for the hint of an error about it. */
const EXAMPLES: Readonly<Record<string, string>> = {
  '--gpus': '--gpus 256 (a whole number of GPUs)',
  '--days': '--days 14 or --days 0.5 (days of wall clock)',
  '--seq-len': '--seq-len 2048 or --seq-len 4k (tokens per sequence)',
  '--micro-batch': '--micro-batch 1 (sequences per GPU per step)',
  '--vocab': '--vocab 32000 or --vocab 128k',
  '--unique-tokens': '--unique-tokens 300B (tokens in your dataset)',
  '--inference-tokens': '--inference-tokens 2T (tokens the model will serve)',
};

function parseBounded(text: string, flag: string, max: number, min = 0): number {
  const example = EXAMPLES[flag] ?? `${flag} 7B`;
  const value = parsePositiveQuantity(text, flag, example);
  if (value > max || value < min) throw badInput(`${flag} must be between ${formatNumber(min)} and ${formatNumber(max)}, got '${text}'`, `for example ${example}`);
  return value;
}

function parseWholeNumber(text: string, flag: string, max: number): number {
  const value = parseBounded(text, flag, max, 1);
  if (!Number.isSafeInteger(value)) throw badInput(`${flag} must be a whole number, got '${text}'`, `for example ${EXAMPLES[flag] ?? `${flag} 8`}`);
  return value;
}

function pickChoice<T>(text: string | undefined, choices: readonly string[], fallback: T, flag: string, convert: (text: string) => T): T {
  if (text === undefined) return fallback;
  const key = text.trim().toLowerCase();
  if (!choices.includes(key)) throw badInput(`${flag} must be one of ${choices.join(', ')}, got '${text}'`);
  return convert(key);
}
