import type { Accelerator, Precision } from '../domain/presets.js';
import { badInput } from '../domain/errors.js';
import { BYTES_PER_GB, FLOPS_PER_TFLOP } from '../domain/units.js';

/**
 * Default model FLOPs utilisation. End-to-end MFU of 40–50% is typical of well-tuned training
 * (shared/reference/accelerators.md, from stas00/ml-engineering); we take the low end.
 */
export const DEFAULT_MFU = 0.4;

/** An accelerator at a chosen precision and utilisation, in base units. */
export interface Hardware {
  readonly id: string;
  readonly name: string;
  readonly precision: Precision;
  /** Vendor's dense peak at `precision`, FLOP/s. */
  readonly peakFlops: number;
  readonly mfu: number;
  /** `peakFlops × mfu`: the model FLOP/s a training run achieves. */
  readonly effectiveFlops: number;
  readonly memoryBytes: number;
  readonly bandwidthBytesPerSecond: number;
}

/** Precisions the accelerator supports, in the order the table lists them. */
export function supportedPrecisions(accelerator: Accelerator): Precision[] {
  return (Object.keys(accelerator.denseTflops) as Precision[]).filter(
    (precision) => accelerator.denseTflops[precision] !== undefined,
  );
}

/** bf16 where the accelerator has it, else fp16 (V100, T4), else whatever it has. */
export function defaultPrecision(accelerator: Accelerator): Precision {
  const supported = supportedPrecisions(accelerator);
  if (supported.includes('bf16')) return 'bf16';
  if (supported.includes('fp16')) return 'fp16';
  const first = supported[0];
  if (first === undefined) throw badInput(`${accelerator.name} lists no precision`);
  return first;
}

/**
 * Parses an MFU given as a fraction (`0.45`) or a percentage (`45%`). It must lie in (0, 1].
 *
 * @example parseMfu('45%') → 0.45
 */
export function parseMfu(text: string): number {
  const trimmed = text.trim();
  const percent = trimmed.endsWith('%');
  const body = percent ? trimmed.slice(0, -1).trim() : trimmed;
  const value = /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(body) ? Number(body) / (percent ? 100 : 1) : Number.NaN;
  if (!(value > 0 && value <= 1)) {
    throw badInput(`--mfu must be in (0, 1], got '${text}'`, 'MFU is a fraction of peak: 0.40 is typical, or write 40%');
  }
  return value;
}

/**
 * The accelerator at the requested precision (default: see `defaultPrecision`) and MFU.
 *
 * @example resolveHardware(v100, undefined, 0.4).effectiveFlops → 5e13
 */
export function resolveHardware(accelerator: Accelerator, precision: string | undefined, mfu: number = DEFAULT_MFU): Hardware {
  if (!(mfu > 0 && mfu <= 1)) throw badInput(`MFU must be in (0, 1], got ${mfu}`);
  const supported = supportedPrecisions(accelerator);
  const chosen = (precision?.trim().toLowerCase() ?? defaultPrecision(accelerator)) as Precision;
  const tflops = supported.includes(chosen) ? accelerator.denseTflops[chosen] : undefined;
  if (tflops === undefined) {
    throw badInput(
      `${accelerator.name} has no ${precision} tensor throughput`,
      `--precision for ${accelerator.id} takes one of: ${supported.join(', ')}`,
    );
  }
  const peakFlops = tflops * FLOPS_PER_TFLOP;
  return {
    id: accelerator.id,
    name: accelerator.name,
    precision: chosen,
    peakFlops,
    mfu,
    effectiveFlops: peakFlops * mfu,
    memoryBytes: accelerator.memoryGB * BYTES_PER_GB,
    bandwidthBytesPerSecond: accelerator.bandwidthGBps * BYTES_PER_GB,
  };
}
