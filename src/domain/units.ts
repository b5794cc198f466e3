/** Unit identities used across the core. Each names where it comes from. */

/** 1 PF-day = 1e15 FLOP/s × 86 400 s (Kaplan et al. 2020, §1.3). */
export const FLOPS_PER_PF_DAY = 8.64e19;

export const SECONDS_PER_HOUR = 3600;
export const HOURS_PER_DAY = 24;

/**
 * Training FLOPs per parameter per token of a dense decoder-only transformer: forward (2) plus
 * backward (4). Kaplan et al. 2020 §2.1, Hoffmann et al. 2022 §3. MFU is defined on this count.
 */
export const TRAINING_FLOPS_PER_PARAM_TOKEN = 6;

/** Decimal gigabyte, as vendors print memory sizes on datasheets. */
export const BYTES_PER_GB = 1e9;
export const FLOPS_PER_TFLOP = 1e12;
