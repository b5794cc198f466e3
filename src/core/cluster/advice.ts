import type { Architecture } from '../../domain/architecture.js';
import { countParams } from './params.js';
import { searchLayouts, type ClusterSpec, type LayoutConstraints } from './layout.js';
import type { TrainingSetup } from './memory.js';
import { proposeArchitecture } from './shape.js';

/**
 * When no layout fits: the smallest changes that would make one fit, each verified by searching
 * again with the change — so no advice names a change that cannot help (adding GPUs does not
 * shrink activations, and a higher ZeRO stage is already part of the search).
 */
export type FitAdvice =
  | { readonly kind: 'drop-constraints'; readonly dropped: readonly (keyof LayoutConstraints)[] }
  | { readonly kind: 'more-gpus'; readonly gpus: number }
  | { readonly kind: 'shorter-sequences'; readonly seqLen: number }
  | { readonly kind: 'smaller-model'; readonly params: number; readonly architecture: Architecture };

const fits = (setup: TrainingSetup, cluster: ClusterSpec, batch: number, constraints: LayoutConstraints): boolean =>
  searchLayouts(setup, cluster, batch, constraints, 1).fittingCount > 0;

export function adviseFit(setup: TrainingSetup, cluster: ClusterSpec, globalBatchSequences: number, constraints: LayoutConstraints = {}): FitAdvice[] {
  const advice: FitAdvice[] = [];
  const given = (Object.keys(constraints) as (keyof LayoutConstraints)[]).filter((key) => constraints[key] !== undefined);
  if (given.length > 0 && fits(setup, cluster, globalBatchSequences, {})) advice.push({ kind: 'drop-constraints', dropped: given });

  // More GPUs: doubling up to 64×, keeping the global batch (more GPUs than sequences cannot help).
  for (let factor = 2; factor <= 64; factor *= 2) {
    const gpus = cluster.gpus * factor;
    if (fits(setup, { ...cluster, gpus }, globalBatchSequences, constraints)) {
      advice.push({ kind: 'more-gpus', gpus });
      break;
    }
  }

  // Shorter sequences (same tokens per batch), down to 1,024.
  for (let seqLen = setup.seqLen / 2; seqLen >= 1024 && Number.isInteger(seqLen); seqLen /= 2) {
    const batch = Math.round((globalBatchSequences * setup.seqLen) / seqLen);
    if (fits({ ...setup, seqLen }, cluster, batch, constraints)) {
      advice.push({ kind: 'shorter-sequences', seqLen });
      break;
    }
  }

  // A smaller model of the proposed (Llama-2-style) shape: bisect the parameter count in log space.
  const fitsAt = (n: number): Architecture | undefined => {
    const { architecture } = proposeArchitecture(n, setup.arch.vocab);
    return fits({ ...setup, arch: architecture }, cluster, globalBatchSequences, constraints) ? architecture : undefined;
  };
  let low = 1e8;
  let high = Math.max(low, countParams(setup.arch).total);
  let found = fitsAt(low);
  if (found) {
    for (let step = 0; step < 24 && high / low > 1.01; step++) {
      const mid = Math.sqrt(low * high);
      const shape = fitsAt(mid);
      if (shape) {
        low = mid;
        found = shape;
      } else high = mid;
    }
    advice.push({ kind: 'smaller-model', params: countParams(found).total, architecture: found });
  }
  return advice;
}

