import { badInput } from '../domain/errors.js';
import { parsePositiveQuantity } from '../domain/si.js';
import type { Accelerator } from '../domain/presets.js';
import { GRAD_DTYPES, OPTIMIZERS, RECOMPUTE_MODES, ZERO_STAGES, type GradDtype, type Optimizer, type Recompute, type ZeroStage } from '../core/cluster/choices.js';
import type { LayoutConstraints } from '../core/cluster/layout.js';
import { isIsoDate } from '../core/chosen-run.js';

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

export function whole(text: string, flag: string, max: number): number {
  const value = parsePositiveQuantity(text, flag);
  if (!Number.isSafeInteger(value) || value > max) throw badInput(`${flag} must be a whole number from 1 to ${max.toLocaleString('en-US')}, got '${text}'`);
  return value;
}

function pick(text: string, choices: readonly string[], flag: string): string {
  const key = text.trim().toLowerCase();
  if (!choices.includes(key)) throw badInput(`${flag} must be one of ${choices.join(', ')}, got '${text}'`);
  return key;
}
