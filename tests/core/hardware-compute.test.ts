import { describe, expect, it } from 'vitest';
import { parseBudget } from '../../src/core/budget.js';
import { parsePrice, toCompute } from '../../src/core/compute.js';
import { PlanError } from '../../src/domain/errors.js';
import { defaultPrecision, parseMfu, resolveHardware } from '../../src/core/hardware.js';
import { resolveById } from '../../src/core/resolve.js';
import { BUILTIN_ACCELERATORS } from '../../src/presets/builtin.js';

const gpu = (id: string) => resolveById(BUILTIN_ACCELERATORS, id, 'GPU', '--gpu');

describe('resolveHardware: dense peak at the chosen precision, in FLOP/s', () => {
  // Datasheet figures (shared/reference/accelerators.md) × 1e12.
  it.each([
    ['v100', undefined, 'fp16', 125e12],
    ['v100-pcie', undefined, 'fp16', 112e12],
    ['t4', undefined, 'fp16', 65e12],
    ['a100', undefined, 'bf16', 312e12],
    ['h100', undefined, 'bf16', 989.5e12],
    ['h100', 'fp8', 'fp8', 1979e12],
    ['h100', 'TF32', 'tf32', 494.5e12],
    ['v100', 'fp32', 'fp32', 15.7e12],
    ['tpu-v5e', undefined, 'bf16', 197e12],
    ['mi300x', undefined, 'bf16', 1307.4e12],
  ])('%s --precision %s → %s %d', (id, precision, expectedPrecision, peakFlops) => {
    const hardware = resolveHardware(gpu(id), precision, 0.5);
    expect(hardware.precision).toBe(expectedPrecision);
    expect(hardware.peakFlops).toBeCloseTo(peakFlops, -6);
    expect(hardware.effectiveFlops).toBeCloseTo(peakFlops / 2, -6);
  });

  it('defaults to MFU 0.40 and reports memory in bytes', () => {
    const hardware = resolveHardware(gpu('v100'), undefined);
    expect(hardware.mfu).toBe(0.4);
    expect(hardware.effectiveFlops).toBeCloseTo(50e12, -3);
    expect(hardware.memoryBytes).toBe(32e9);
  });

  it('has bf16 by default where the GPU has it, else fp16', () => {
    expect(BUILTIN_ACCELERATORS.filter((a) => defaultPrecision(a) === 'fp16').map((a) => a.id).sort()).toEqual(
      ['t4', 'v100-pcie-16gb', 'v100-pcie-32gb', 'v100-sxm2-16gb', 'v100-sxm2-32gb'],
    );
  });

  it.each([
    ['v100', 'bf16', /has no bf16.*\n.*fp32, fp16$/],
    ['a100', 'fp8', /has no fp8.*\n.*fp32, tf32, fp16, bf16$/],
    ['tpu-v4', 'fp16', /has no fp16.*\n.*bf16$/],
    ['h100', 'int4', /has no int4/],
  ])('%s --precision %s is a usage error naming the supported ones', (id, precision, pattern) => {
    try {
      resolveHardware(gpu(id), precision);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PlanError);
      const { message, hint } = error as PlanError;
      expect(`${message}\n${hint}`).toMatch(pattern);
    }
  });
});

describe('parseMfu', () => {
  it.each([
    ['0.4', 0.4],
    ['0.45', 0.45],
    ['45%', 0.45],
    ['100%', 1],
    ['1', 1],
    ['.3', 0.3],
  ])('%s → %d', (text, expected) => expect(parseMfu(text)).toBeCloseTo(expected, 12));

  it.each(['0', '0%', '1.5', '-0.1', 'abc', '', 'NaN', '45 %%', '1e400'])('%j is rejected', (text) => {
    expect(() => parseMfu(text)).toThrow(/--mfu must be in \(0, 1\]/);
  });
});

describe('parsePrice', () => {
  it.each([
    ['2.1', 2.1],
    ['$2.10', 2.1],
    ['0.5', 0.5],
  ])('%s → %d', (text, expected) => expect(parsePrice(text)).toBe(expected));
  it.each(['0', '-1', 'two', '', '$'])('%j is rejected', (text) => expect(() => parsePrice(text)).toThrow(/--price/));
});

describe('toCompute: C = GPU-hours × 3600 × peak × MFU', () => {
  const v100 = resolveHardware(gpu('v100'), undefined);
  const h100at45 = resolveHardware(gpu('h100'), undefined, 0.45);

  it('5000 V100 GPU-hours at MFU 0.40 is 9.0e20 FLOPs (issue 2)', () => {
    // 5000 × 3600 × 125e12 × 0.40 = 9.0e20; 9e20 / 8.64e19 = 10.4167 PF-days
    const compute = toCompute(parseBudget('5000gpuh'), v100);
    expect(compute.flops).toBeCloseTo(9e20, -8);
    expect(compute.pfDays).toBeCloseTo(10.41667, 4);
    expect(compute.gpuHours).toBe(5000);
    expect(compute.costUsd).toBeUndefined();
  });

  it('$50k at $2.1/GPU-hour on H100 at MFU 0.45', () => {
    // 50000 / 2.1 = 23809.52 GPU-hours; × 3600 × 989.5e12 × 0.45 = 3.816643e22 FLOPs
    const compute = toCompute(parseBudget('$50k'), h100at45, 2.1);
    expect(compute.gpuHours).toBeCloseTo(23809.5238, 3);
    expect(compute.flops / 3.816642857e22).toBeCloseTo(1, 9);
    expect(compute.costUsd).toBeCloseTo(50000, 6);
  });

  it('a FLOP budget with a GPU gets the GPU-hours it takes', () => {
    // 9e20 / (50e12 × 3600) = 5000
    expect(toCompute(parseBudget('9e20flops'), v100).gpuHours).toBeCloseTo(5000, 9);
  });

  it('GPU-days are 24 GPU-hours', () => {
    // 200 × 24 × 3600 × 50e12 = 8.64e20
    expect(toCompute(parseBudget('200gpud'), v100).flops).toBeCloseTo(8.64e20, -8);
  });

  it('a GPU-hour budget with a price gets its cost', () => {
    expect(toCompute(parseBudget('5000gpuh'), v100, 1.8).costUsd).toBeCloseTo(9000, 9);
  });

  it.each([
    ['5000gpuh', false, undefined, /GPU-time budget .* needs --gpu/],
    ['$50k', true, undefined, /needs --price/],
    ['$50k', false, 2.1, /needs --gpu/],
    ['1e22flops', false, 2.1, /--price needs --gpu/],
  ])('%s (gpu: %s, price: %s) is a usage error', (text, withGpu, price, pattern) => {
    expect(() => toCompute(parseBudget(text), withGpu ? v100 : undefined, price)).toThrow(pattern);
  });

  it('refuses a budget that overflows to infinity once multiplied out', () => {
    expect(() => toCompute(parseBudget('1e300gpuh'), v100)).toThrow(/too large/);
  });
});
