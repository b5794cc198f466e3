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
import { badInput } from '../core/errors.js';
import type { PlanDocument } from '../core/plan.js';
import { parsePositiveQuantity } from '../core/si.js';
import type { LossModel } from '../presets/schemas.js';

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
  const gpus = options.gpus === undefined ? undefined : parseWholeNumber(options.gpus, '--gpus');
  const days = options.days === undefined ? undefined : parsePositiveQuantity(options.days, '--days');
  const memoryFlagGiven = [options.zero, options.microBatch, options.recompute, options.optimizer].some((value) => value !== undefined);
  const wantsMemory = gpus !== undefined || days !== undefined || memoryFlagGiven || (options.seqLen !== undefined && !options.hyperparams);
  const seqLen = options.seqLen === undefined ? DEFAULT_SEQ_LEN : parseWholeNumber(options.seqLen, '--seq-len');
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
            microBatch: options.microBatch === undefined ? DEFAULT_MICRO_BATCH : parseWholeNumber(options.microBatch, '--micro-batch'),
            recompute: pickChoice(options.recompute, RECOMPUTE_MODES, DEFAULT_RECOMPUTE, '--recompute', (text) => text as Recompute),
            optimizer: pickChoice(options.optimizer, OPTIMIZERS, DEFAULT_OPTIMIZER, '--optimizer', (text) => text as Optimizer),
          },
        }
      : {}),
    shape: options.shape === true,
    vocabSize: options.vocab === undefined ? DEFAULT_VOCAB : parseWholeNumber(options.vocab, '--vocab'),
    hyperparams: options.hyperparams === true,
    seqLen,
    ...(options.uniqueTokens === undefined ? {} : { uniqueTokens: parsePositiveQuantity(options.uniqueTokens, '--unique-tokens') }),
    ...(options.inferenceTokens === undefined ? {} : { inferenceTokens: parsePositiveQuantity(options.inferenceTokens, '--inference-tokens') }),
  };
}

function parseWholeNumber(text: string, flag: string): number {
  const value = parsePositiveQuantity(text, flag);
  if (!Number.isSafeInteger(value)) throw badInput(`${flag} must be a whole number, got '${text}'`);
  return value;
}

function pickChoice<T>(text: string | undefined, choices: readonly string[], fallback: T, flag: string, convert: (text: string) => T): T {
  if (text === undefined) return fallback;
  const key = text.trim().toLowerCase();
  if (!choices.includes(key)) throw badInput(`${flag} must be one of ${choices.join(', ')}, got '${text}'`);
  return convert(key);
}
