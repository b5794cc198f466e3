import type { Budget } from './budget.js';
import { badInput } from '../domain/errors.js';
import type { Hardware } from './hardware.js';
import { FLOPS_PER_PF_DAY, SECONDS_PER_HOUR } from '../domain/units.js';

/** A budget in training FLOPs, with the GPU time and money it means where those are known. */
export interface Compute {
  readonly flops: number;
  readonly pfDays: number;
  /** GPU-hours at the hardware's effective FLOP/s; present whenever a GPU is known. */
  readonly gpuHours?: number;
  /** USD at the given price per GPU-hour; present whenever a price and a GPU are known. */
  readonly costUsd?: number;
}

/**
 * Parses a price in USD per GPU-hour: `2.1`, `$2.10`.
 *
 * @example parsePrice('$2.10') → 2.1
 */
export function parsePrice(text: string): number {
  const body = text.trim().replace(/^\$\s*/, '');
  const value = /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(body) ? Number(body) : Number.NaN;
  if (!(value > 0 && Number.isFinite(value))) {
    throw badInput(`--price must be a positive number of USD per GPU-hour, got '${text}'`, 'for example --price 2.1');
  }
  return value;
}

/**
 * Turns a budget into training FLOPs: `C = GPU-hours × 3600 × peak FLOP/s × MFU` (DESIGN §3).
 * GPU time needs hardware; money needs hardware and a price in USD per GPU-hour.
 *
 * @example toCompute(parseBudget('5000gpuh'), v100AtMfu40) → { flops: 9e20, pfDays: 10.42, gpuHours: 5000 }
 */
export function toCompute(budget: Budget, hardware?: Hardware, priceUsdPerGpuHour?: number): Compute {
  if (priceUsdPerGpuHour !== undefined && !(priceUsdPerGpuHour > 0 && Number.isFinite(priceUsdPerGpuHour))) {
    throw badInput(`--price must be a positive number of USD per GPU-hour, got ${priceUsdPerGpuHour}`);
  }
  let flops: number;
  let gpuHours: number | undefined;
  switch (budget.kind) {
    case 'flops':
      flops = budget.flops;
      if (hardware) gpuHours = flops / (hardware.effectiveFlops * SECONDS_PER_HOUR);
      else if (priceUsdPerGpuHour !== undefined) {
        throw badInput('--price needs --gpu to turn FLOPs into GPU-hours', 'add --gpu h100 (llm-plan gpus lists them)');
      }
      break;
    case 'gpu-hours':
      if (!hardware) {
        throw badInput(`a GPU-time budget ('${budget.text}') needs --gpu`, 'add --gpu v100 (llm-plan gpus lists them), or give FLOPs: --budget 1e21flops');
      }
      gpuHours = budget.gpuHours;
      flops = gpuHours * SECONDS_PER_HOUR * hardware.effectiveFlops;
      break;
    case 'usd':
      if (priceUsdPerGpuHour === undefined) {
        throw badInput(`a money budget ('${budget.text}') needs --price in USD per GPU-hour`, 'for example --price 2.1');
      }
      if (!hardware) {
        throw badInput(`a money budget ('${budget.text}') needs --gpu`, 'add --gpu h100 (llm-plan gpus lists them)');
      }
      gpuHours = budget.usd / priceUsdPerGpuHour;
      flops = gpuHours * SECONDS_PER_HOUR * hardware.effectiveFlops;
      break;
  }
  if (!Number.isFinite(flops) || !(flops > 0)) {
    throw badInput(`the budget '${budget.text}' is ${flops > 0 ? 'too large' : 'too small'} to plan`);
  }
  // Plain literals, no conditional spreads: a sweep makes one per row, and spreading is slow.
  const pfDays = flops / FLOPS_PER_PF_DAY;
  if (gpuHours === undefined) return { flops, pfDays };
  if (priceUsdPerGpuHour === undefined) return { flops, pfDays, gpuHours };
  return { flops, pfDays, gpuHours, costUsd: gpuHours * priceUsdPerGpuHour };
}
