import { DEFAULT_TOLERANCE, type CheckHardware, type CheckTarget } from '../core/check.js';
import { PlanError } from '../domain/errors.js';
import { parseSiNumber } from '../domain/si.js';
import { TRAINING_FLOPS_PER_PARAM_TOKEN as SIX } from '../domain/units.js';
import { findAccelerator, findRule, isPresetPath, type PresetCatalog } from '../presets/catalog.js';
import { CheckConfigSchema, type CheckConfig } from '../domain/schemas/check-file.js';
import { describeFirstIssue } from '../domain/schemas/describe-issue.js';
import { DEFAULT_RULE_ID, computeFromOptions, lossModelFor, resolveHardwareOptions } from './plan.js';

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
export function resolveCheckTarget(name: string, entry: CheckConfigEntry, catalog: PresetCatalog): CheckTarget {
  const file = name === '-' ? 'stdin' : name;
  const { index, label, raw } = entry;
  const parsed = CheckConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const unknownKey = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const field = unknownKey ?? (typeof issue?.path[0] === 'string' ? issue.path[0] : undefined);
    throw new CheckConfigError(
      describeFirstIssue(parsed.error, file, label, (path) => (path.length === 0 ? CONFIG_FIELDS : [])),
      'see llm-plan schema check-file for every field',
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

  const inContext = <T>(field: string, compute: () => T): T => {
    try {
      return compute();
    } catch (error) {
      if (error instanceof PlanError && error.code !== 'internal') return fail(field, flagsToFields(error.message), error.hint === undefined ? undefined : flagsToFields(error.hint));
      throw error;
    }
  };
  const rule = inContext('rule', () => findRule(catalog, config.rule ?? DEFAULT_RULE_ID, [], 'rule'));
  const loss = inContext('loss', () => lossModelFor(catalog, rule, config.loss, 'loss'));
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
    hardware: resolveHardware(config, inContext, fail, catalog),
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

type InContext = <T>(field: string, compute: () => T) => T;
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
  const usesHardware = config.budget !== undefined || config.maxDays !== undefined || config.maxCost !== undefined;
  const unused = (['gpu', 'precision', 'mfu'] as const).find((field) => config[field] !== undefined);
  if (!usesHardware && unused !== undefined) fail(unused, 'only used to turn a budget into FLOPs, or for maxDays and maxCost, and there are none');
  if (config.price !== undefined && config.budget === undefined && config.maxCost === undefined) {
    fail('price', 'only used for a money budget or maxCost, and there is neither');
  }
  if (config.gpus !== undefined && config.maxDays === undefined) fail('gpus', 'only used for maxDays, and there is no maxDays');
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

/** A validated count (number or SI string) as a number; the schema has already checked it. */
function quantity(value: number | string): number {
  return typeof value === 'number' ? value : (parseSiNumber(value) ?? Number.NaN);
}

/**
 * Errors from the plan's flag parsers, told in a check file's terms: `--gpu v100` is the field
 * `gpu: v100` there, and "needs --gpu" is "needs a gpu: field" (issue 11).
 */
export function flagsToFields(text: string): string {
  const fields = 'gpu|mfu|price|precision|budget';
  return text
    .replace(/^--([a-z][\w-]*)/, '$1')
    .replace(new RegExp(`--(${fields}) (?=[\\w$])`, 'g'), '$1: ')
    .replace(new RegExp(`--(${fields})\\b`, 'g'), 'a $1: field');
}
