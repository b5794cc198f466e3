import { DEFAULT_TOLERANCE, type CheckTarget } from '../core/check.js';
import { PlanError } from '../domain/errors.js';
import { parseSiNumber } from '../domain/si.js';
import { TRAINING_FLOPS_PER_PARAM_TOKEN as SIX } from '../domain/units.js';
import { findAccelerator, findRule, isPresetPath, type PresetCatalog } from '../presets/catalog.js';
import { CheckConfigSchema, type CheckConfig } from '../domain/schemas/check-file.js';
import { describeFirstIssue } from '../domain/schemas/describe-issue.js';
import type { CliIo } from './io.js';
import { DEFAULT_RULE_ID, computeFromOptions, lossModelFor } from '../request/plan.js';
import { parseJsonInput, readTextInput } from './read-input.js';

const CONFIG_FIELDS = Object.keys(CheckConfigSchema.shape);

/**
 * Reads a check file (JSON or YAML; `-` for stdin) and resolves every config in it to a
 * `CheckTarget`: numbers parsed, tokens from flops where given, the budget turned into FLOPs by the
 * same code the plan command uses, presets looked up in the catalog. Any problem is an
 * `invalid-file` error naming the file, the config (index and name) and the field.
 */
export async function loadCheckTargets(path: string, io: CliIo, catalog: PresetCatalog): Promise<{ file: string; targets: CheckTarget[] }> {
  const { name, text } = await readTextInput(path, io, 'check');
  const file = name === '-' ? 'stdin' : name;
  const entries = listConfigs(file, await parseDocument(file, text));
  return { file: name, targets: entries.map((entry) => resolveTarget(file, entry, catalog)) };
}

/**
 * JSON for `.json` files (stricter and with better messages); YAML, a superset of JSON, otherwise.
 * The YAML parser (110 kB) is loaded only for YAML input (DESIGN §6).
 */
async function parseDocument(file: string, text: string): Promise<unknown> {
  if (file.toLowerCase().endsWith('.json')) return parseJsonInput(text, file);
  const { parseDocument: parseYamlDocument } = await import('./yaml-parser.js');
  const invalid = (error: unknown): PlanError => {
    const message = (error as Error).message.split('\n')[0] ?? '';
    // The parser reports its own stack overflow as a parse error; say what it means.
    if (error instanceof RangeError || /call stack/i.test(message)) return new PlanError('invalid-file', `${file}: nested too deeply to read`);
    return new PlanError('invalid-file', `${file}: not valid YAML (${message.replace(/:$/, '')})`, 'a check file holds one config, a list of configs, or configs: [...]');
  };
  try {
    // logLevel 'error': the parser would print warnings on the process's stderr, past the CLI's io.
    const document = parseYamlDocument(text, { logLevel: 'error' });
    // A warning is an unresolved tag (!!js/function, !!python/object): data we would misread as a string.
    const problem = document.errors[0] ?? document.warnings[0];
    if (problem) throw problem;
    // maxAliasCount bounds alias expansion ("billion laughs"); yaml's default, made explicit.
    return document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw invalid(error);
  }
}

interface Entry {
  readonly index: number;
  /** Where the config is, for messages: `configs[1] (llama-70b)`. */
  readonly label: string;
  readonly raw: unknown;
}

/** One config, a list, or `{ configs: [...] }`, as a list of configs with their labels. */
function listConfigs(file: string, data: unknown): Entry[] {
  const isObject = typeof data === 'object' && data !== null && !Array.isArray(data);
  let list: unknown[];
  let where: string;
  if (Array.isArray(data)) {
    // A bare list reads as the configs: [...] form does, so messages look the same for both.
    [list, where] = [data, 'configs'];
  } else if (isObject && Object.hasOwn(data, 'configs')) {
    const { configs, ...rest } = data as { configs: unknown };
    const [extra] = Object.keys(rest);
    if (extra !== undefined) throw new PlanError('invalid-file', `${file}: unknown field '${extra}' next to configs`, 'a check file with configs: [...] has no other top-level field');
    if (!Array.isArray(configs)) throw new PlanError('invalid-file', `${file}: configs: expected a list of configs`);
    [list, where] = [configs, 'configs'];
  } else if (isObject) {
    return [{ index: 0, label: labelOf('config', data), raw: data }];
  } else {
    throw new PlanError('invalid-file', `${file}: expected a config, a list of configs, or configs: [...]`, 'each config has at least name, params and tokens');
  }
  if (list.length === 0) throw new PlanError('invalid-file', `${file}: no configs to check`);
  return list.map((raw, index) => ({ index, label: labelOf(`${where}[${index}]`, raw), raw }));
}

function labelOf(position: string, raw: unknown): string {
  const name = typeof raw === 'object' && raw !== null && Object.hasOwn(raw, 'name') ? (raw as { name: unknown }).name : undefined;
  return typeof name === 'string' && name !== '' ? `${position} (${name})` : position;
}

function resolveTarget(file: string, { index, label, raw }: Entry, catalog: PresetCatalog): CheckTarget {
  const parsed = CheckConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new PlanError('invalid-file', describeFirstIssue(parsed.error, file, label, (path) => (path.length === 0 ? CONFIG_FIELDS : [])), 'see llm-plan schema check-file for every field');
  }
  const config = parsed.data;
  const fail = (field: string, message: string, hint?: string): never => {
    throw new PlanError('invalid-file', `${file}: ${label}${field ? `.${field}` : ''}: ${message}`, hint);
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
    params,
    tokens,
    rule,
    loss,
    budget: resolveBudget(config, (field, compute) => inContext(field, compute), fail, catalog),
    limits: {
      tolerance: config.tolerance ?? DEFAULT_TOLERANCE,
      budgetTolerance: config.budgetTolerance ?? 0,
      minTokensPerParam: config.minTokensPerParam,
      maxTokensPerParam: config.maxTokensPerParam,
      maxLoss: config.maxLoss,
      maxFlops: config.maxFlops === undefined ? undefined : quantity(config.maxFlops),
    },
  };
}

/** The config's budget in FLOPs, through the plan command's own budget code. */
function resolveBudget(
  config: CheckConfig,
  inContext: <T>(field: string, compute: () => T) => T,
  fail: (field: string, message: string) => never,
  catalog: PresetCatalog,
): CheckTarget['budget'] {
  if (config.budget === undefined) {
    // Hardware without a budget would be silently ignored: as likely a mistake as a misspelt field.
    const unused = (['gpu', 'precision', 'mfu', 'price'] as const).find((field) => config[field] !== undefined);
    return unused === undefined ? undefined : fail(unused, 'only used to turn a budget into FLOPs, and there is no budget');
  }
  const budget = config.budget;
  const gpu = config.gpu;
  if (gpu !== undefined) inContext('gpu', () => findAccelerator(catalog, gpu, 'gpu'));
  const text = (value: string | number | undefined): string | undefined => (value === undefined ? undefined : String(value));
  const compute = inContext('', () =>
    computeFromOptions({ budget, gpu: config.gpu, precision: config.precision, mfu: text(config.mfu), price: text(config.price) }, catalog),
  );
  return { flops: compute.flops, text: budget };
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
