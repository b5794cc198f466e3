import { badInput } from '../../domain/errors.js';
import { HOURS_PER_DAY } from '../../domain/units.js';

/** `plans[].time`: wall-clock time on a GPU count, and/or the GPU count for a deadline. */
export interface TimeEstimate {
  /** GPU-hours the plan's training FLOPs take at the hardware's effective FLOP/s. */
  readonly gpuHours: number;
  /** `--gpus`: the GPUs the run uses. */
  readonly gpus?: number;
  /** `gpuHours / gpus`, assuming the MFU holds at that scale. */
  readonly wallClockHours?: number;
  readonly wallClockDays?: number;
  /** `--days`: the deadline. */
  readonly targetDays?: number;
  /** `ceil(gpuHours / (24 · targetDays))`: the fewest GPUs that finish by the deadline. */
  readonly gpusForTargetDays?: number;
}

/** `plans[].cost`: the plan's GPU time at a price. */
export interface CostEstimate {
  readonly usd: number;
  readonly gpuHours: number;
  /** USD per GPU-hour. */
  readonly pricePerGpuHour: number;
}

/**
 * Wall-clock time on `gpus` GPUs and/or the GPUs needed to finish within `targetDays`. Perfect
 * scaling is assumed: the MFU already says how well the run uses each GPU.
 *
 * @example estimateTime(50000, { gpus: 256 }) → { gpuHours: 50000, gpus: 256, wallClockHours: 195.3, wallClockDays: 8.14 }
 * @example estimateTime(50000, { targetDays: 14 }) → { gpuHours: 50000, targetDays: 14, gpusForTargetDays: 149 }
 */
export function estimateTime(gpuHours: number, { gpus, targetDays }: { gpus?: number; targetDays?: number }): TimeEstimate {
  if (gpus !== undefined && !(Number.isInteger(gpus) && gpus >= 1)) throw badInput(`--gpus must be a whole number ≥ 1, got ${gpus}`);
  if (targetDays !== undefined && !(targetDays > 0 && Number.isFinite(targetDays))) throw badInput(`--days must be a positive number, got ${targetDays}`);
  const wallClockHours = gpus === undefined ? undefined : gpuHours / gpus;
  return {
    gpuHours,
    ...(gpus === undefined || wallClockHours === undefined ? {} : { gpus, wallClockHours, wallClockDays: wallClockHours / HOURS_PER_DAY }),
    ...(targetDays === undefined ? {} : { targetDays, gpusForTargetDays: gpusForDays(gpuHours, targetDays) }),
  };
}

/**
 * The fewest whole GPUs that spend `gpuHours` within `days` of wall-clock time.
 *
 * @example gpusForDays(50000, 14) → 149 (50000 / 336 = 148.8)
 */
export function gpusForDays(gpuHours: number, days: number): number {
  // A hair of tolerance so 336 GPU-hours over 14 days is 1 GPU, not 2 from rounding noise.
  return Math.max(1, Math.ceil(gpuHours / (HOURS_PER_DAY * days) - 1e-9));
}

/** The plan's GPU time at `pricePerGpuHour` USD. */
export function estimateCost(gpuHours: number, pricePerGpuHour: number): CostEstimate {
  return { usd: gpuHours * pricePerGpuHour, gpuHours, pricePerGpuHour };
}
