import type { Architecture } from '../domain/architecture.js';
import { badInput } from '../domain/errors.js';
import { parsePositiveQuantity } from '../domain/si.js';
import type { Accelerator } from '../domain/presets.js';
import { parseHfConfig } from '../core/cluster/hf-config.js';
import { GRAD_DTYPES, OPTIMIZERS, ZERO_STAGES, type GradDtype, type Optimizer, type ZeroStage } from '../core/cluster/memory.js';
import { RECOMPUTE_MODES, type Recompute } from '../core/cluster/flops.js';
import type { LayoutConstraints } from '../core/cluster/layout.js';
import type { ArchitectureOrigin } from '../core/cluster/plan-cluster.js';
import { DEFAULT_VOCAB } from '../core/cluster/shape.js';
import { isIsoDate } from '../core/chosen-run.js';
import { findArchitecture } from '../presets/real-models.js';
import { isPresetPath } from '../presets/catalog.js';

/** The cluster flags (issue 12) as commander hands them over. */
export interface ClusterOptions {
  /** `--arch`: an architecture preset id, or a Hugging Face config.json path (read by the CLI into `archFile`). */
  readonly arch?: string;
  readonly archFile?: { readonly name: string; readonly json: unknown };
  readonly layers?: string;
  readonly dModel?: string;
  readonly heads?: string;
  readonly kvHeads?: string;
  readonly ffn?: string;
  readonly layout?: string;
  readonly gpusPerNode?: string;
  readonly globalBatch?: string;
  readonly gradDtype?: string;
  /** `--no-flash-attn` sets this false; commander's default is true. */
  readonly flashAttn?: boolean;
  /** `--start YYYY-MM-DD`; the CLI fills in today's date when absent. */
  readonly start?: string;
}

/** GPUs per node when neither the flag nor anything else says: DGX/HGX nodes hold 8. */
export const DEFAULT_GPUS_PER_NODE = 8;
/** PCIe 4.0 x16: 32 GB/s per direction; 100 Gb/s Ethernet/InfiniBand between nodes (llm-plan's assumption). */
const ASSUMED_INTRA_BYTES = 32e9;
const ASSUMED_INTER_BITS = 100e9;

export interface Interconnect {
  readonly intraNodeBytesPerSecond: number;
  readonly interNodeBytesPerSecond: number;
  readonly assumed: boolean;
}

/**
 * Per-GPU link bandwidths per direction from an accelerator preset: NVLink's datasheet figure
 * counts both directions (H100: 900 GB/s = 450 each way); the network is per GPU, in bits.
 */
export function interconnectOf(accelerator: Accelerator | undefined): Interconnect {
  const nvlink = accelerator?.nvlinkGBps;
  const network = accelerator?.networkGbps;
  return {
    intraNodeBytesPerSecond: nvlink === undefined ? ASSUMED_INTRA_BYTES : (nvlink * 1e9) / 2,
    interNodeBytesPerSecond: ((network ?? ASSUMED_INTER_BITS / 1e9) * 1e9) / 8,
    assumed: nvlink === undefined || network === undefined,
  };
}

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

/** `--layout tp=8,pp=4` (either part may be left out). */
export function parseLayout(text: string): Pick<LayoutConstraints, 'tp' | 'pp'> {
  const result: { tp?: number; pp?: number } = {};
  for (const part of text.split(',')) {
    const match = /^\s*(tp|pp)\s*=\s*(\d+)\s*$/i.exec(part);
    if (!match) throw badInput(`--layout takes tp=<n>,pp=<n>, got '${text}'`, 'for example --layout tp=8,pp=4 (data parallelism takes the remaining GPUs)');
    const key = (match[1] ?? '').toLowerCase() as 'tp' | 'pp';
    const value = Number(match[2]);
    if (!(value >= 1 && value <= 1e6)) throw badInput(`--layout ${key} must be between 1 and 1,000,000, got ${match[2]}`);
    result[key] = value;
  }
  return result;
}

export interface ParsedClusterOptions {
  readonly constraints: LayoutConstraints;
  readonly fixedLayout: boolean;
  readonly gpusPerNode: number;
  readonly globalBatch?: number;
  readonly gradDtype: GradDtype;
  readonly optimizer: Optimizer;
  readonly flashAttention: boolean;
  readonly startDate?: string;
}

export function parseClusterOptions(options: ClusterOptions & { readonly zero?: string; readonly recompute?: string; readonly microBatch?: string; readonly optimizer?: string }): ParsedClusterOptions {
  const layout = options.layout === undefined ? {} : parseLayout(options.layout);
  const zero = options.zero === undefined ? undefined : (pick(options.zero, ZERO_STAGES.map(String), '--zero') === undefined ? undefined : (Number(options.zero.trim()) as ZeroStage));
  const recompute = options.recompute === undefined ? undefined : (pick(options.recompute, RECOMPUTE_MODES, '--recompute') as Recompute);
  const microBatch = options.microBatch === undefined ? undefined : whole(options.microBatch, '--micro-batch', 64);
  if (microBatch !== undefined && (microBatch & (microBatch - 1)) !== 0) throw badInput(`--micro-batch must be a power of two up to 64, got '${options.microBatch}'`);
  const gpusPerNode = options.gpusPerNode === undefined ? DEFAULT_GPUS_PER_NODE : whole(options.gpusPerNode, '--gpus-per-node', 1024);
  if (layout.tp !== undefined && layout.tp > gpusPerNode) {
    throw badInput(`--layout tp=${layout.tp} spans more than one node of ${gpusPerNode} GPUs`, 'tensor parallelism stays inside a node (NVLink); raise --gpus-per-node if your nodes are larger');
  }
  if (options.start !== undefined && !isIsoDate(options.start)) throw badInput(`--start must be a date YYYY-MM-DD, got '${options.start}'`);
  const constraints: LayoutConstraints = {
    ...(layout.tp === undefined ? {} : { tp: layout.tp }),
    ...(layout.pp === undefined ? {} : { pp: layout.pp }),
    ...(zero === undefined ? {} : { zero }),
    ...(recompute === undefined ? {} : { recompute }),
    ...(microBatch === undefined ? {} : { microBatch }),
  };
  return {
    constraints,
    fixedLayout: options.layout !== undefined,
    gpusPerNode,
    ...(options.globalBatch === undefined ? {} : { globalBatch: whole(options.globalBatch, '--global-batch', 1e9) }),
    gradDtype: options.gradDtype === undefined ? 'bf16' : (pick(options.gradDtype, GRAD_DTYPES, '--grad-dtype') as GradDtype),
    optimizer: options.optimizer === undefined ? 'adamw' : (pick(options.optimizer, OPTIMIZERS, '--optimizer') as Optimizer),
    flashAttention: options.flashAttn !== false,
    ...(options.start === undefined ? {} : { startDate: options.start }),
  };
}

function whole(text: string, flag: string, max: number): number {
  const value = parsePositiveQuantity(text, flag);
  if (!Number.isSafeInteger(value) || value > max) throw badInput(`${flag} must be a whole number from 1 to ${max.toLocaleString('en-US')}, got '${text}'`);
  return value;
}

function pick(text: string, choices: readonly string[], flag: string): string {
  const key = text.trim().toLowerCase();
  if (!choices.includes(key)) throw badInput(`${flag} must be one of ${choices.join(', ')}, got '${text}'`);
  return key;
}
