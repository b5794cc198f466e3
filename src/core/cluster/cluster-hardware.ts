import type { TrainingPrecision } from './memory.js';

/**
 * What the layout search needs of the hardware: one GPU's precision, peak, MFU and memory, and the
 * links between GPUs. Its own module, so the plan and check can build it without loading the
 * cluster model (issue 16: that loads only when a layout is asked for).
 */
export interface ClusterHardware {
  readonly precision: TrainingPrecision;
  readonly peakFlops: number;
  readonly mfu: number;
  readonly memoryBytes: number;
  readonly intraNodeBytesPerSecond: number;
  readonly interNodeBytesPerSecond: number;
}

type Gpu = Pick<ClusterHardware, 'precision' | 'peakFlops' | 'mfu' | 'memoryBytes'>;
type Links = Pick<ClusterHardware, 'intraNodeBytesPerSecond' | 'interNodeBytesPerSecond'>;

export function clusterHardwareOf(gpu: Gpu, links: Links): ClusterHardware {
  return {
    precision: gpu.precision,
    peakFlops: gpu.peakFlops,
    mfu: gpu.mfu,
    memoryBytes: gpu.memoryBytes,
    intraNodeBytesPerSecond: links.intraNodeBytesPerSecond,
    interNodeBytesPerSecond: links.interNodeBytesPerSecond,
  };
}
