import architectureFile from '../../presets/architectures.json' with { type: 'json' };
import modelFile from '../../presets/models.json' with { type: 'json' };
import type { Architecture, RealModel } from '../domain/architecture.js';
import { resolveById } from '../core/resolve.js';

/**
 * Built-in architectures and real training runs (shared/reference/models.md) as typed data.
 * Validated against the zod schemas in src/domain/architecture.ts by tests/presets-models.test.ts,
 * which is what makes these casts safe (and keeps zod off the start-up path).
 */
export const BUILTIN_ARCHITECTURES = architectureFile.architectures as Architecture[];
export const BUILTIN_REAL_MODELS = modelFile.models as RealModel[];

type WithId<T> = T & { readonly id: string };

/** A real training run by id or alias (`--model gopher`); unknown ids suggest the closest. */
export function findRealModel(id: string, models: readonly RealModel[] = BUILTIN_REAL_MODELS): RealModel {
  return resolveById(models, id, 'model', '--model');
}

/** An architecture preset by id (`--arch llama-2-70b`); unknown ids suggest the closest. */
export function findArchitecture(id: string, architectures: readonly Architecture[] = BUILTIN_ARCHITECTURES): WithId<Architecture> {
  const withIds = architectures.filter((arch): arch is WithId<Architecture> => arch.id !== undefined);
  return resolveById(withIds, id, 'architecture', '--arch');
}

/** The architecture of a real run, when its shape is published. */
export function architectureOf(model: RealModel, architectures: readonly Architecture[] = BUILTIN_ARCHITECTURES): Architecture | undefined {
  return model.architecture === undefined ? undefined : architectures.find((arch) => arch.id === model.architecture);
}
