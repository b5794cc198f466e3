/**
 * The choices of the cluster flags (`--optimizer`, `--grad-dtype`, `--zero`, `--recompute`) and the
 * default sequence length, in a file of their own: the flag definitions and parsers on every plan's start-up read these lists
 * without loading the cluster model that uses them (issue 16).
 */
export const OPTIMIZERS = ['adamw', 'adafactor', 'sgd'] as const;
export type Optimizer = (typeof OPTIMIZERS)[number];
export const GRAD_DTYPES = ['bf16', 'fp32'] as const;
export type GradDtype = (typeof GRAD_DTYPES)[number];
export type ZeroStage = 0 | 1 | 2 | 3;
export const ZERO_STAGES: readonly ZeroStage[] = [0, 1, 2, 3];
export const RECOMPUTE_MODES = ['none', 'selective', 'full'] as const;
export type Recompute = (typeof RECOMPUTE_MODES)[number];

/** Tokens per sequence when neither `--seq-len` nor an architecture preset's context says (GPT-3's 2,048). */
export const DEFAULT_SEQ_LEN = 2048;
