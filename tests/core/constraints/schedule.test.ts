import { describe, expect, it } from 'vitest';
import { estimateCost, estimateTime, gpusForDays } from '../../../src/core/constraints/schedule.js';

describe('estimateTime', () => {
  it('50,000 GPU-hours on 256 GPUs: 195.3125 h = 8.138 days', () => {
    const time = estimateTime(50_000, { gpus: 256 });
    expect(time).toEqual({ gpuHours: 50_000, gpus: 256, wallClockHours: 195.3125, wallClockDays: 195.3125 / 24 });
  });

  it('50,000 GPU-hours within 14 days: 50000 / 336 = 148.8 → 149 GPUs', () => {
    expect(estimateTime(50_000, { targetDays: 14 })).toEqual({ gpuHours: 50_000, targetDays: 14, gpusForTargetDays: 149 });
  });

  it('gives both when both are asked', () => {
    const time = estimateTime(50_000, { gpus: 100, targetDays: 14 });
    expect(time.wallClockHours).toBe(500);
    expect(time.gpusForTargetDays).toBe(149);
  });

  it.each([
    [336, 14, 1], // exactly one GPU for 14 days
    [337, 14, 2],
    [1, 100, 1],
    [24_000, 1, 1000],
  ])('gpusForDays(%d GPU-hours, %d days) = %d', (gpuHours, days, expected) => {
    expect(gpusForDays(gpuHours, days)).toBe(expected);
  });

  it.each([[{ gpus: 0 }], [{ gpus: 2.5 }], [{ targetDays: 0 }], [{ targetDays: -1 }]])('refuses %j', (options) => {
    expect(() => estimateTime(100, options)).toThrow();
  });
});

describe('estimateCost', () => {
  it('50,000 GPU-hours at $1.80 = $90,000', () => {
    expect(estimateCost(50_000, 1.8)).toEqual({ usd: 90_000, gpuHours: 50_000, pricePerGpuHour: 1.8 });
  });
});
