import type { Architecture } from '../domain/architecture.js';
import { badInput } from '../domain/errors.js';
import { parseHfConfig } from '../core/cluster/hf-config.js';
import type { ArchitectureOrigin } from '../core/cluster/plan-cluster.js';
import { DEFAULT_VOCAB } from '../core/cluster/shape.js';
import { findArchitecture } from '../presets/real-models.js';
import { isPresetPath } from '../presets/catalog.js';
import { whole, type ClusterOptions } from './cluster.js';

// Part of the cluster model (./cluster-model.ts): loaded only by plans that name an architecture.

/** The architecture the flags name: `--arch` (preset or file), then explicit shape flags over it. */
export function resolveArchitecture(options: ClusterOptions & { readonly vocab?: string }, fromModel?: Architecture): { arch: Architecture; origin: Exclude<ArchitectureOrigin, 'proposed'> } | undefined {
  let base: Architecture | undefined = fromModel;
  let origin: Exclude<ArchitectureOrigin, 'proposed'> = 'preset';
  if (options.arch !== undefined) {
    if (isPresetPath(options.arch)) {
      if (!options.archFile) throw badInput(`--arch ${options.arch}: the file was not read`, 'give a config.json path the CLI can read');
      base = parseHfConfig(options.archFile.json, options.archFile.name);
      origin = 'file';
    } else {
      base = findArchitecture(options.arch);
    }
  }
  const shapeFlags = { layers: options.layers, dModel: options.dModel, heads: options.heads, kvHeads: options.kvHeads, ffn: options.ffn };
  const given = Object.entries(shapeFlags).filter(([, value]) => value !== undefined);
  if (given.length === 0 && options.vocab !== undefined && base) {
    return { arch: { ...base, vocab: whole(options.vocab, '--vocab', 1e8) }, origin: 'flags' };
  }
  if (given.length === 0) return base ? { arch: base, origin } : undefined;
  if (!base) {
    const missing = (['layers', 'dModel', 'heads', 'ffn'] as const).filter((key) => shapeFlags[key] === undefined);
    if (missing.length > 0) {
      const flag = (key: string): string => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      throw badInput(`an architecture from flags needs ${missing.map(flag).join(', ')} too`, 'give --layers --d-model --heads --ffn (and --kv-heads, --vocab), or --arch <id|config.json>');
    }
  }
  const layers = shapeFlags.layers === undefined ? base?.layers : whole(shapeFlags.layers, '--layers', 1e5);
  const dModel = shapeFlags.dModel === undefined ? base?.dModel : whole(shapeFlags.dModel, '--d-model', 1e7);
  const heads = shapeFlags.heads === undefined ? base?.heads : whole(shapeFlags.heads, '--heads', 1e5);
  const kvHeads = shapeFlags.kvHeads === undefined ? (shapeFlags.heads === undefined ? base?.kvHeads : heads) : whole(shapeFlags.kvHeads, '--kv-heads', 1e5);
  const ffn = shapeFlags.ffn === undefined ? base?.ffn : whole(shapeFlags.ffn, '--ffn', 1e8);
  const vocab = options.vocab === undefined ? (base?.vocab ?? DEFAULT_VOCAB) : whole(options.vocab, '--vocab', 1e8);
  if (layers === undefined || dModel === undefined || heads === undefined || kvHeads === undefined || ffn === undefined) throw new Error('resolveArchitecture: incomplete shape');
  if (dModel % heads !== 0) throw badInput(`--d-model ${dModel} is not a multiple of --heads ${heads}`, 'head size = d_model / heads must be whole (Llama 2 7B: 4096 / 32 = 128)');
  if (heads % kvHeads !== 0) throw badInput(`--heads ${heads} is not a multiple of --kv-heads ${kvHeads}`, 'grouped-query attention shares each KV head among heads / kv-heads query heads');
  const arch: Architecture = {
    mlp: 'swiglu',
    tiedEmbeddings: false,
    norm: 'rmsnorm',
    bias: 'none',
    positions: 'rope',
    ...(base ?? {}),
    name: base ? `${base.name} (modified)` : `${layers}×${dModel}`,
    layers,
    dModel,
    heads,
    kvHeads,
    headDim: dModel / heads,
    ffn,
    vocab,
  };
  const { statedParams: _stated, id: _id, ...rest } = arch;
  return { arch: rest, origin: 'flags' };
}

