import { planCluster } from '../core/cluster/plan-cluster.js';
import { architectureOf, findRealModel } from '../presets/real-models.js';
import { resolveArchitecture } from './architecture.js';

/**
 * The cluster model's half of a plan: architecture presets and config.json files, the real runs of
 * `--model`, and the layout search with memory per GPU and step time (src/core/cluster). Only a
 * request that asks for one of those needs it (needsClusterModel in ./plan.ts): the CLI imports
 * this module dynamically then, so that `llm-plan --budget … --json` never reads the cluster code
 * (issue 16); the library imports it statically and passes it to every plan.
 */
export interface ClusterModel {
  readonly planCluster: typeof planCluster;
  readonly resolveArchitecture: typeof resolveArchitecture;
  readonly findRealModel: typeof findRealModel;
  readonly architectureOf: typeof architectureOf;
}

export const CLUSTER_MODEL: ClusterModel = { planCluster, resolveArchitecture, findRealModel, architectureOf };
