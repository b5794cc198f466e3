import { checkConfig, createCheckDocument } from '../core/check.js';
import type { CheckDocument } from '../domain/schemas/check.js';
import type { PresetCatalog } from '../presets/catalog.js';
import { labelOf, resolveCheckTarget } from './check-config.js';
import type { ClusterModel } from './cluster-model.js';

/** Configs to check, as the library takes them: already data, so nothing to locate in a file. */
export interface CheckConfigs {
  /** What the document's `file` and each result's `file` say the configs came from. */
  readonly file: string;
  readonly configs: readonly unknown[];
}

/**
 * The `llm-plan/check@1` document of a list of configs: each resolved (as the CLI resolves a check
 * file's) and checked against its limits. A config that cannot be resolved throws its
 * `CheckConfigError`; with no file to point into, every `location` is null.
 */
export function checkDocument({ file, configs }: CheckConfigs, catalog: PresetCatalog, clusterModel: ClusterModel): CheckDocument {
  const results = configs.map((raw, index) => checkConfig(resolveCheckTarget(file, { index, label: labelOf(`configs[${index}]`, raw), raw }, catalog, clusterModel)));
  return createCheckDocument(file, results);
}
