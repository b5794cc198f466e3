import { PlanError } from '../domain/errors.js';
import { resolveById } from '../core/resolve.js';
import { BUILTIN_ACCELERATORS, BUILTIN_LOSS_MODELS, BUILTIN_RULES } from './builtin.js';
import type { Accelerator, LossModel, Rule } from '../domain/presets.js';

/**
 * The presets a command may use: the built-in ones, plus those of `LLM_PLAN_PRESETS`, plus any a
 * flag named by path (`--gpu ./my-gpu.json`), kept apart by that path so ids never become paths and
 * paths never become ids. plan, check, sweep and fit all resolve through one of these.
 */
export interface PresetCatalog {
  readonly accelerators: readonly Accelerator[];
  readonly rules: readonly Rule[];
  readonly lossModels: readonly LossModel[];
  /** Presets loaded from a path given as a flag value, by that exact value. */
  readonly byPath?: {
    readonly accelerators: ReadonlyMap<string, Accelerator>;
    readonly rules: ReadonlyMap<string, Rule>;
    readonly lossModels: ReadonlyMap<string, LossModel>;
  };
}

export const BUILTIN_CATALOG: PresetCatalog = {
  accelerators: BUILTIN_ACCELERATORS,
  rules: BUILTIN_RULES,
  lossModels: BUILTIN_LOSS_MODELS,
};

/**
 * Whether a `--gpu`/`--rule`/`--loss` value names a file rather than an id: it contains `/` or ends
 * in `.json`. Ids cannot (they are `[a-z0-9._-]`), so the two never overlap.
 *
 * @example isPresetPath('./my-gpu.json') → true; isPresetPath('h100') → false
 */
export function isPresetPath(value: string): boolean {
  return value.includes('/') || value.toLowerCase().endsWith('.json');
}

type Kind = 'accelerators' | 'rules' | 'lossModels';

function findByPath<T>(catalog: PresetCatalog, kind: Kind, value: string): T {
  const found = catalog.byPath?.[kind].get(value);
  // The CLI loads every path a flag names before it plans; reaching here without it is a bug.
  if (!found) throw new PlanError('internal', `preset file '${value}' was not loaded`);
  return found as T;
}

/** The accelerator a `--gpu` value names: a loaded file, or an id or alias of the catalog. */
export function findAccelerator(catalog: PresetCatalog, value: string, flag = '--gpu'): Accelerator {
  return isPresetPath(value) ? findByPath(catalog, 'accelerators', value) : resolveById(catalog.accelerators, value, 'GPU', flag);
}

/** The rule a `--rule` value names (not `all`; see plan-options): a loaded file, or an id or alias. */
export function findRule(catalog: PresetCatalog, value: string, extraChoices: ReadonlyArray<{ id: string }> = [], flag = '--rule'): Rule {
  if (isPresetPath(value)) return findByPath(catalog, 'rules', value);
  // Extra choices (such as 'all') belong in the suggestions and the list of valid values.
  return resolveById([...catalog.rules, ...extraChoices], value, 'rule', flag) as Rule;
}

/** The loss model a `--loss` value names: a loaded file, or an id of the catalog. */
export function findLossModel(catalog: PresetCatalog, value: string, flag = '--loss', extraChoices: ReadonlyArray<{ id: string }> = []): LossModel {
  if (isPresetPath(value)) return findByPath(catalog, 'lossModels', value);
  return resolveById([...catalog.lossModels, ...extraChoices], value, 'loss model', flag) as LossModel;
}
