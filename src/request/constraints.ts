import { applyConstraints, type ConstraintRequest } from '../core/constraints/apply.js';
import {
  DEFAULT_MICRO_BATCH,
  DEFAULT_OPTIMIZER,
  DEFAULT_RECOMPUTE,
  DEFAULT_SEQ_LEN,
  DEFAULT_ZERO_STAGE,
  OPTIMIZERS,
  RECOMPUTE_MODES,
  ZERO_STAGES,
  type Optimizer,
  type Recompute,
  type ZeroStage,
} from '../core/constraints/memory.js';
import { DEFAULT_VOCAB } from '../core/constraints/shape.js';
import { badInput } from '../domain/errors.js';
import { formatNumber } from '../core/format.js';
import type { PlanDocument } from '../core/plan-document.js';
import { parsePositiveQuantity } from '../domain/si.js';
import type { LossModel } from '../domain/presets.js';

/** The constraint flags as commander hands them over (issue 6). */
export interface ConstraintOptions {
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
}

/**
 * Adds the sections the constraint flags ask for to a plan. `lossModels` must hold every model
 * that scores a row (the built-ins and any user-supplied one).
 */
export function applyConstraintOptions(plan: PlanDocument, options: ConstraintOptions, lossModels: readonly LossModel[]): PlanDocument {
  const request = parseConstraintOptions(options);
  const costAsked = plan.input.price !== null && plan.hardware !== null;
  const asked =
    costAsked || request.gpus !== undefined || request.days !== undefined || request.memory || request.shape || request.hyperparams ||
    request.uniqueTokens !== undefined || request.inferenceTokens !== undefined;
  if (!asked) return plan;
  return applyConstraints(plan, request, (id) => {
    const found = lossModels.find((model) => model.id === id);
    if (!found) throw new Error(`loss model '${id}' scored a row but is not known`);
    return found;
  });
}

/** Parses and cross-checks the constraint flags. */
export function parseConstraintOptions(options: ConstraintOptions): ConstraintRequest {
  const gpus = options.gpus === undefined ? undefined : parseWholeNumber(options.gpus, '--gpus', MAX.gpus);
  const days = options.days === undefined ? undefined : parseBounded(options.days, '--days', MAX.days, MIN_DAYS);
  const memoryFlagGiven = [options.zero, options.microBatch, options.recompute, options.optimizer].some((value) => value !== undefined);
  const wantsMemory = gpus !== undefined || days !== undefined || memoryFlagGiven || (options.seqLen !== undefined && !options.hyperparams);
  const seqLen = options.seqLen === undefined ? DEFAULT_SEQ_LEN : parseWholeNumber(options.seqLen, '--seq-len', MAX.seqLen);
  if (options.vocab !== undefined && !options.shape && !wantsMemory) {
    throw badInput('--vocab needs --shape (or a memory estimate: --gpus)', 'for example: --shape --vocab 50257');
  }
  return {
    ...(gpus === undefined ? {} : { gpus }),
    ...(days === undefined ? {} : { days }),
    ...(wantsMemory
      ? {
          memory: {
            zeroStage: pickChoice(options.zero, ZERO_STAGES.map(String), DEFAULT_ZERO_STAGE, '--zero', Number) as ZeroStage,
            seqLen,
            microBatch: options.microBatch === undefined ? DEFAULT_MICRO_BATCH : parseWholeNumber(options.microBatch, '--micro-batch', MAX.microBatch),
            recompute: pickChoice(options.recompute, RECOMPUTE_MODES, DEFAULT_RECOMPUTE, '--recompute', (text) => text as Recompute),
            optimizer: pickChoice(options.optimizer, OPTIMIZERS, DEFAULT_OPTIMIZER, '--optimizer', (text) => text as Optimizer),
          },
        }
      : {}),
    shape: options.shape === true,
    vocabSize: options.vocab === undefined ? DEFAULT_VOCAB : parseWholeNumber(options.vocab, '--vocab', MAX.vocab),
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

function parseBounded(text: string, flag: string, max: number, min = 0): number {
  const value = parsePositiveQuantity(text, flag);
  if (value > max || value < min) throw badInput(`${flag} must be between ${formatNumber(min)} and ${formatNumber(max)}, got '${text}'`);
  return value;
}

function parseWholeNumber(text: string, flag: string, max: number): number {
  const value = parseBounded(text, flag, max, 1);
  if (!Number.isSafeInteger(value)) throw badInput(`${flag} must be a whole number, got '${text}'`);
  return value;
}

function pickChoice<T>(text: string | undefined, choices: readonly string[], fallback: T, flag: string, convert: (text: string) => T): T {
  if (text === undefined) return fallback;
  const key = text.trim().toLowerCase();
  if (!choices.includes(key)) throw badInput(`${flag} must be one of ${choices.join(', ')}, got '${text}'`);
  return convert(key);
}
