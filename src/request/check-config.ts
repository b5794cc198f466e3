import { DEFAULT_TOLERANCE, searchCheckLayout, type CheckCluster, type CheckHardware, type CheckTarget } from '../core/check.js';
import type * as z from 'zod';
import { PlanError } from '../domain/errors.js';
import { parseSiNumber } from '../domain/si.js';
import { TRAINING_FLOPS_PER_PARAM_TOKEN as SIX } from '../domain/units.js';
import { findAccelerator, findRule, isPresetPath, type PresetCatalog } from '../presets/catalog.js';
import type { CheckConfig } from '../domain/schemas/check-file.js';
import { CheckConfigSchema } from '../domain/schemas/check-file-mini.js';
import { describeFirstIssue } from '../domain/schemas/describe-issue.js';
import { DEFAULT_RULE_ID, computeFromOptions, lossModelFor, resolveHardwareOptions } from './plan.js';
import { interconnectOf, type ClusterOptions } from './cluster.js';
import type { ClusterModel } from './cluster-model.js';
import { clusterHardwareOf } from '../core/cluster/cluster-hardware.js';
import { parseConstraintOptions, type ConstraintOptions } from './constraints.js';

const CONFIG_FIELDS = Object.keys(CheckConfigSchema.shape);

/**
 * A config that cannot be checked, naming the file, the config and the field. `field` and `part`
 * say where the problem is (the field's key for an unknown field, else its value; no field: the
 * whole config), so a reader that knows positions can point at the line.
 */
export class CheckConfigError extends PlanError {
  readonly field: string | undefined;
  readonly part: 'key' | 'value';

  constructor(message: string, hint: string | undefined, field: string | undefined, part: 'key' | 'value' = 'value') {
    super('invalid-file', message, hint);
    this.field = field;
    this.part = part;
  }

  /** PlanError's `instanceof` matches any PlanError (see its brand); this one only errors that say where. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return PlanError[Symbol.hasInstance](value) && Object.hasOwn(value as object, 'part');
  }
}

/** One config as given: its position among the configs, its label for messages, and its data. */
export interface CheckConfigEntry {
  readonly index: number;
  /** Where the config is, for messages: `configs[1] (llama-70b)`. */
  readonly label: string;
  readonly raw: unknown;
}

/**
 * Whether resolving `raw` needs the cluster model (./cluster-model.ts): a config with gpu and gpus
 * runs the layout search. The CLI loads the model only then (issue 16); any config that validates
 * with both fields passes this test, so a config resolved without the model never needs it.
 */
export function needsCheckClusterModel(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null) return false;
  const { gpu, gpus } = raw as { gpu?: unknown; gpus?: unknown };
  return gpu !== undefined && gpus !== undefined;
}

/** `configs[1] (llama-70b)`: the position, and the config's name when it has one. */
export function labelOf(position: string, raw: unknown): string {
  const name = typeof raw === 'object' && raw !== null && Object.hasOwn(raw, 'name') ? (raw as { name: unknown }).name : undefined;
  return typeof name === 'string' && name !== '' ? `${position} (${name})` : position;
}

/**
 * Resolves one config to a `CheckTarget`: validated against the check-file schema, numbers
 * parsed, tokens from flops where given, the budget turned into FLOPs by the same code the plan
 * command uses, presets looked up in the catalog. Any problem is a `CheckConfigError` naming the
 * file (`name`, `-` for stdin), the config (index and name) and the field.
 */
export function resolveCheckTarget(name: string, entry: CheckConfigEntry, catalog: PresetCatalog, clusterModel?: ClusterModel): CheckTarget {
  const file = name === '-' ? 'stdin' : name;
  const { index, label, raw } = entry;
  const parsed = CheckConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap(unwrapUnion);
    const [issue] = issues;
    // An unknown key of the config itself points at the key; one inside arch or layout, at that field's value.
    const unknownKey = issue?.code === 'unrecognized_keys' && issue.path.length === 0 ? issue.keys[0] : undefined;
    const field = unknownKey ?? (typeof issue?.path[0] === 'string' ? issue.path[0] : undefined);
    throw new CheckConfigError(
      describeFirstIssue({ issues } as typeof parsed.error, file, label, (path) => NESTED_FIELDS[String(path[0] ?? '')] ?? []),
      field === 'arch' ? ARCH_HINT : 'see llm-plan schema check-file for every field',
      field,
      unknownKey === undefined ? 'value' : 'key',
    );
  }
  const config = parsed.data;
  const fail = (field: string, message: string, hint?: string): never => {
    throw new CheckConfigError(`${file}: ${label}${field ? `.${field}` : ''}: ${message}`, hint, field || undefined);
  };

  const params = quantity(config.params);
  if (config.tokens !== undefined && config.flops !== undefined) fail('', 'give tokens or flops, not both');
  if (config.tokens === undefined && config.flops === undefined) fail('', 'give tokens (or flops) as well as params');
  // D = C / (6N): the training-FLOPs identity of DESIGN §3.
  const tokens = config.tokens !== undefined ? quantity(config.tokens) : quantity(config.flops ?? 0) / (SIX * params);
  if (config.minTokensPerParam !== undefined && config.maxTokensPerParam !== undefined && config.minTokensPerParam > config.maxTokensPerParam) {
    fail('minTokensPerParam', `${config.minTokensPerParam} is above maxTokensPerParam ${config.maxTokensPerParam}`);
  }

  // Paths are for flags; a check file's presets come by id, so the file means the same on every machine.
  const pathField = (['gpu', 'rule', 'loss'] as const).find((field) => config[field] !== undefined && isPresetPath(config[field] ?? ''));
  if (pathField) {
    fail(pathField, `'${config[pathField]}' is a path; a check file names presets by id`, 'put the preset file in a directory and set LLM_PLAN_PRESETS to it');
  }
  if (typeof config.arch === 'string' && isPresetPath(config.arch)) {
    fail('arch', `'${config.arch}' is a path; a check file names an architecture by id or gives its shape inline`, ARCH_HINT);
  }

  const inContext = <T>(field: string | ((message: string) => string), compute: () => T): T => {
    try {
      return compute();
    } catch (error) {
      if (error instanceof PlanError && error.code !== 'internal') {
        const at = typeof field === 'string' ? field : field(error.message);
        return fail(at, flagsToFields(error.message), error.hint === undefined ? undefined : flagsToFields(error.hint));
      }
      throw error;
    }
  };
  const rule = inContext('rule', () => findRule(catalog, config.rule ?? DEFAULT_RULE_ID, [], 'rule'));
  const loss = inContext('loss', () => lossModelFor(catalog, rule, config.loss, 'loss'));
  // The cluster first: a cluster field without gpus says that, not that gpu is unused.
  const cluster = resolveCluster(config, params, tokens, inContext, fail, catalog, clusterModel);
  const hardware = resolveHardware(config, inContext, fail, catalog);
  return {
    index,
    name: config.name ?? label,
    file: name,
    location: null,
    params,
    tokens,
    rule,
    loss,
    budget: resolveBudget(config, inContext, catalog),
    hardware,
    ...(cluster === undefined ? {} : { cluster }),
    limits: {
      tolerance: config.tolerance ?? DEFAULT_TOLERANCE,
      budgetTolerance: config.budgetTolerance ?? 0,
      minTokensPerParam: config.minTokensPerParam,
      maxTokensPerParam: config.maxTokensPerParam,
      maxLoss: config.maxLoss,
      maxFlops: config.maxFlops === undefined ? undefined : quantity(config.maxFlops),
      maxDays: config.maxDays,
      maxCost: config.maxCost,
    },
  };
}

type InContext = <T>(field: string | ((message: string) => string), compute: () => T) => T;
type Fail = (field: string, message: string, hint?: string) => never;

const text = (value: string | number | undefined): string | undefined => (value === undefined ? undefined : String(value));

/** The config's budget in FLOPs, through the plan command's own budget code. */
function resolveBudget(config: CheckConfig, inContext: InContext, catalog: PresetCatalog): CheckTarget['budget'] {
  if (config.budget === undefined) return undefined;
  const budget = config.budget;
  const gpu = config.gpu;
  if (gpu !== undefined) inContext('gpu', () => findAccelerator(catalog, gpu, 'gpu'));
  const compute = inContext('', () =>
    computeFromOptions({ budget, gpu: config.gpu, precision: config.precision, mfu: text(config.mfu), price: text(config.price) }, catalog),
  );
  return { flops: compute.flops, text: budget };
}

/**
 * The GPU a config runs on, for maxDays (with gpus) and maxCost (with price). Hardware fields that
 * nothing uses are errors: as likely a mistake as a misspelt field.
 */
function resolveHardware(config: CheckConfig, inContext: InContext, fail: Fail, catalog: PresetCatalog): CheckHardware | undefined {
  const usesHardware = config.budget !== undefined || config.maxDays !== undefined || config.maxCost !== undefined || config.gpus !== undefined;
  const unused = (['gpu', 'precision', 'mfu'] as const).find((field) => config[field] !== undefined);
  if (!usesHardware && unused !== undefined) {
    fail(unused, 'only used to turn a budget into FLOPs, for maxDays and maxCost, or with gpus for the layout search, and there are none', 'for example: gpu: h100, gpus: 256 (the layout search and does-not-fit)');
  }
  if (config.price !== undefined && config.budget === undefined && config.maxCost === undefined) {
    fail('price', 'only used for a money budget or maxCost, and there is neither');
  }
  if (config.gpus !== undefined && config.gpu === undefined) {
    fail('gpus', 'needs gpu (the accelerator) for maxDays and the layout search; gpu is missing', 'for example: gpu: h100, gpus: 256');
  }
  if (config.maxDays !== undefined && (config.gpu === undefined || config.gpus === undefined)) {
    fail('maxDays', `needs gpu (the accelerator) and gpus (how many); ${config.gpu === undefined ? 'gpu' : 'gpus'} is missing`, 'for example: gpu: h100, gpus: 256, maxDays: 30');
  }
  if (config.maxCost !== undefined && (config.gpu === undefined || config.price === undefined)) {
    fail('maxCost', `needs gpu (the accelerator) and price (USD per GPU-hour); ${config.gpu === undefined ? 'gpu' : 'price'} is missing`, 'for example: gpu: h100, price: 2.5, maxCost: 1e6');
  }
  const gpu = config.gpu;
  if (gpu === undefined) return undefined;
  inContext('gpu', () => findAccelerator(catalog, gpu, 'gpu'));
  const { hardware, price } = inContext('', () => resolveHardwareOptions({ gpu, precision: config.precision, mfu: text(config.mfu), price: text(config.price) }, catalog));
  if (!hardware) return undefined;
  return { id: hardware.id, effectiveFlops: hardware.effectiveFlops, mfu: hardware.mfu, gpus: config.gpus, priceUsdPerGpuHour: price };
}

/** The fields only the layout search reads (issue 12): they need gpu and gpus. */
const CLUSTER_FIELDS = ['arch', 'layout', 'gpusPerNode', 'seqLen', 'microBatch', 'globalBatch', 'zero', 'recompute', 'optimizer', 'gradDtype', 'flashAttn'] as const;

const ARCH_HINT = 'give a preset id (llama-2-70b, llama-3-8b, …) or the shape inline: arch: {layers: 32, dModel: 4096, heads: 32, kvHeads: 8, ffn: 14336, vocab: 128256}';

/** Fields of the nested objects, for a did-you-mean on a misspelt one. */
const NESTED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  '': CONFIG_FIELDS,
  arch: ['layers', 'dModel', 'heads', 'kvHeads', 'ffn', 'vocab', 'tiedEmbeddings'],
  layout: ['tp', 'pp'],
};

/**
 * A union's failure (`arch: 'id' | {…}`) as the issues of the branch the value's type chose, so a
 * misspelt or missing shape field is named instead of "invalid input".
 */
function unwrapUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const matched = issue.errors.filter((branch) => !branch.every((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
  const [only] = matched;
  if (matched.length !== 1 || !only) return [issue];
  return only.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }));
}

/**
 * The cluster a config runs on (issue 12): with gpu and gpus, the plan command's own parsers turn
 * the cluster fields into the layout search's request (architecture, sequence length, layout
 * constraints, optimizer, interconnect). Cluster fields without gpu and gpus are errors.
 */
function resolveCluster(
  config: CheckConfig,
  params: number,
  tokens: number,
  inContext: InContext,
  fail: Fail,
  catalog: PresetCatalog,
  clusterModel: ClusterModel | undefined,
): CheckCluster | undefined {
  const given = CLUSTER_FIELDS.find((field) => config[field] !== undefined);
  const { gpu, gpus } = config;
  if (gpu === undefined || gpus === undefined) {
    if (given === undefined) return undefined;
    const missing = gpu === undefined && gpus === undefined ? 'gpu and gpus are' : `${gpu === undefined ? 'gpu' : 'gpus'} is`;
    return fail(given, `only used by the layout search, which needs gpu (the accelerator) and gpus (how many); ${missing} missing`, `for example: gpu: h100, gpus: 256, ${given === 'arch' ? 'arch: llama-2-7b' : given === 'layout' ? 'layout: tp=8,pp=4' : `${given}: …`}`);
  }
  const accelerator = inContext('gpu', () => findAccelerator(catalog, gpu, 'gpu'));
  const { hardware } = inContext('', () => resolveHardwareOptions({ gpu, precision: config.precision, mfu: text(config.mfu), price: text(config.price) }, catalog));
  if (!hardware) return undefined;
  if (!clusterModel) throw new PlanError('internal', 'the config needs the cluster model (gpu and gpus), and the caller did not load it');
  const { resolveArchitecture, planCluster } = clusterModel;
  const arch = config.arch;
  const shape: ClusterOptions =
    arch === undefined ? {}
    : typeof arch === 'string' ? { arch }
    : { layers: String(arch.layers), dModel: String(arch.dModel), heads: String(arch.heads), ffn: String(arch.ffn), ...(arch.kvHeads === undefined ? {} : { kvHeads: String(arch.kvHeads) }) };
  const resolved = inContext('arch', () => resolveArchitecture({ ...shape, ...(typeof arch === 'object' && arch.vocab !== undefined ? { vocab: String(arch.vocab) } : {}) }));
  const architecture =
    resolved && typeof arch === 'object' && arch.tiedEmbeddings !== undefined ? { ...resolved, arch: { ...resolved.arch, tiedEmbeddings: arch.tiedEmbeddings } } : resolved;
  const layout = config.layout;
  const options: ConstraintOptions = {
    gpus: String(gpus),
    ...(layout === undefined ? {} : { layout: typeof layout === 'string' ? layout : layoutText(layout, fail) }),
    ...(config.gpusPerNode === undefined ? {} : { gpusPerNode: String(config.gpusPerNode) }),
    ...(config.seqLen === undefined ? {} : { seqLen: String(config.seqLen) }),
    ...(config.microBatch === undefined ? {} : { microBatch: String(config.microBatch) }),
    ...(config.globalBatch === undefined ? {} : { globalBatch: String(config.globalBatch) }),
    ...(config.zero === undefined ? {} : { zero: String(config.zero) }),
    ...(config.recompute === undefined ? {} : { recompute: config.recompute }),
    ...(config.optimizer === undefined ? {} : { optimizer: config.optimizer }),
    ...(config.gradDtype === undefined ? {} : { gradDtype: config.gradDtype }),
    ...(config.flashAttn === undefined ? {} : { flashAttn: config.flashAttn }),
  };
  const maxSeqLen = architecture?.origin === 'preset' ? architecture.arch.maxSeqLen : undefined;
  const context = {
    ...(architecture ? { architecture } : {}),
    interconnect: interconnectOf(accelerator),
    // As the plan does: an architecture preset's own context, up to 8,192 tokens.
    ...(maxSeqLen === undefined ? {} : { defaultSeqLen: Math.min(maxSeqLen, 8192) }),
  };
  // The parsers name the flag they reject; the field is the one that flag stands for.
  const request = inContext(
    (message) => FLAG_FIELDS[/--([a-z][a-z-]*)/.exec(message)?.[1] ?? ''] ?? '',
    () => parseConstraintOptions(options, context),
  );
  const memory = request.memory;
  if (!memory) throw new Error('resolveCluster: gpus given but no memory request');
  const clusterHardware = clusterHardwareOf(hardware, memory);
  // A layout that cannot exist at all (tp=3 with 32 heads) is a bad config, named at its field.
  const plan = inContext(
    (message) => FLAG_FIELDS[/--([a-z][a-z-]*)/.exec(message)?.[1] ?? ''] ?? '',
    () => searchCheckLayout(params, tokens, gpus, clusterHardware, memory.cluster, planCluster),
  );
  return { gpus, gpuId: hardware.id, hardware: clusterHardware, request: memory.cluster, plan };
}

/** `{tp: 8, pp: 4}` as the `tp=8,pp=4` the layout parser reads. */
function layoutText(layout: { readonly tp?: number | undefined; readonly pp?: number | undefined }, fail: Fail): string {
  const parts = [layout.tp === undefined ? '' : `tp=${layout.tp}`, layout.pp === undefined ? '' : `pp=${layout.pp}`].filter(Boolean);
  if (parts.length === 0) fail('layout', 'give tp, pp or both', 'for example: layout: {tp: 8, pp: 4}');
  return parts.join(',');
}

/** A validated count (number or SI string) as a number; the schema has already checked it. */
function quantity(value: number | string): number {
  return typeof value === 'number' ? value : (parseSiNumber(value) ?? Number.NaN);
}

/**
 * Errors from the plan's flag parsers, told in a check file's terms: `--gpu v100` is the field
 * `gpu: v100` there, and "needs --gpu" is "needs a gpu: field" (issue 11).
 */
export function flagsToFields(text: string): string {
  const field = (flag: string): string => FLAG_FIELDS[flag] ?? flag;
  // Longest first, so --gpus-per-node is not read as --gpus, nor --gpus as --gpu.
  const flags = Object.keys(FLAG_FIELDS).sort((a, b) => b.length - a.length).join('|');
  return text
    .replace(/^--([a-z][\w-]*)/, (_, flag: string) => field(flag))
    // `--gpu v100` is `gpu: v100`; a value has a digit, '=' or a quote (`--gpus-per-node if` is prose).
    .replace(new RegExp(`--(${flags}) (?=['$\\d]|[a-z][\\w.-]*[\\d=])`, 'g'), (_, flag: string) => `${field(flag)}: `)
    .replace(new RegExp(`\\b(needs?|add) --(${flags})(?![\\w-])`, 'g'), (_, verb: string, flag: string) => `${verb} a ${field(flag)}: field`)
    .replace(new RegExp(`--(${flags})(?![\\w-])`, 'g'), (_, flag: string) => field(flag));
}

/** The plan's flags and the check-file fields that stand for them (issue 12: the cluster's too). */
const FLAG_FIELDS: Readonly<Record<string, string>> = {
  gpu: 'gpu',
  mfu: 'mfu',
  price: 'price',
  precision: 'precision',
  budget: 'budget',
  gpus: 'gpus',
  arch: 'arch',
  layout: 'layout',
  'gpus-per-node': 'gpusPerNode',
  'seq-len': 'seqLen',
  'micro-batch': 'microBatch',
  'global-batch': 'globalBatch',
  zero: 'zero',
  recompute: 'recompute',
  optimizer: 'optimizer',
  'grad-dtype': 'gradDtype',
  'flash-attn': 'flashAttn',
  layers: 'arch.layers',
  'd-model': 'arch.dModel',
  heads: 'arch.heads',
  'kv-heads': 'arch.kvHeads',
  ffn: 'arch.ffn',
  vocab: 'arch.vocab',
};
