import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PlanError } from '../domain/errors.js';
import { suggest } from '../domain/suggest.js';
import { BUILTIN_CATALOG, isPresetPath, type PresetCatalog } from '../presets/catalog.js';
import type { UserPresets } from '../presets/parse-user-presets.js';
import type { Accelerator, LossModel, Rule } from '../domain/presets.js';
import type { CliIo } from './io.js';
import { parseJsonInput, readTextInput } from './read-input.js';

/** The flag values that may name preset files, and whether user ids may replace built-in ones. */
export interface CatalogRequest {
  readonly gpu?: string | undefined;
  readonly rule?: string | undefined;
  readonly loss?: string | undefined;
  readonly allowOverride?: boolean | undefined;
}

const PATH_FLAGS = [
  { key: 'gpu', flag: '--gpu', kind: 'accelerators', what: 'accelerator' },
  { key: 'rule', flag: '--rule', kind: 'rules', what: 'rule' },
  { key: 'loss', flag: '--loss', kind: 'lossModels', what: 'loss model' },
] as const;

type Kind = (typeof PATH_FLAGS)[number]['kind'];
interface FromFile<T> {
  readonly file: string;
  readonly preset: T;
}

/**
 * The presets a command may use: built-in, plus every `*.json` of the directory `LLM_PLAN_PRESETS`
 * names (only when it is set), plus the files `--gpu`, `--rule` or `--loss` name by path. With no
 * user presets involved it returns the built-in catalog without loading zod or touching the disk.
 */
export async function loadCatalog(io: CliIo, request: CatalogRequest = {}): Promise<PresetCatalog> {
  const directory = io.env.LLM_PLAN_PRESETS;
  const pathFlags = PATH_FLAGS.filter(({ key }) => request[key] !== undefined && isPresetPath(request[key]));
  if (!directory && pathFlags.length === 0) return BUILTIN_CATALOG;

  const { parseUserPresets } = await import('../presets/parse-user-presets.js');
  const read = async (path: string): Promise<{ file: string; presets: UserPresets }> => {
    const { name, text } = await readTextInput(path, io, 'preset');
    return { file: name, presets: parseUserPresets(name, parseJsonInput(text, name)) };
  };

  const fromDirectory = directory ? await Promise.all(listPresetFiles(directory).map(read)) : [];
  const user = <T>(kind: Kind): Array<FromFile<T>> =>
    fromDirectory.flatMap(({ file, presets }) => (presets[kind] as readonly T[]).map((preset) => ({ file, preset })));
  const allowOverride = Boolean(request.allowOverride);
  const userRules = user<Rule>('rules');
  const catalog: PresetCatalog = {
    accelerators: mergePresets(BUILTIN_CATALOG.accelerators, user<Accelerator>('accelerators'), 'accelerator', allowOverride),
    rules: mergePresets(BUILTIN_CATALOG.rules, userRules, 'rule', allowOverride),
    lossModels: mergePresets(BUILTIN_CATALOG.lossModels, user<LossModel>('lossModels'), 'loss model', allowOverride),
  };

  const byPath = { accelerators: new Map<string, Accelerator>(), rules: new Map<string, Rule>(), lossModels: new Map<string, LossModel>() };
  for (const { key, flag, kind, what } of pathFlags) {
    const path = request[key] as string;
    const { file, presets } = await read(path);
    const preset = onlyPreset(file, presets, kind, what, flag);
    (byPath[kind] as Map<string, unknown>).set(path, preset);
    if (kind === 'rules') userRules.push({ file, preset: preset as Rule });
  }

  const lossIds = [...catalog.lossModels, ...byPath.lossModels.values()].map((model) => model.id);
  for (const { file, preset } of userRules) assertDefaultLossResolves(file, preset, lossIds);
  return { ...catalog, byPath };
}

/** The `*.json` files of the presets directory, in name order (so results do not depend on the disk). */
function listPresetFiles(directory: string): string[] {
  try {
    return readdirSync(directory)
      .filter((name) => name.toLowerCase().endsWith('.json'))
      .sort()
      .map((name) => join(directory, name));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such directory' : code === 'ENOTDIR' ? 'not a directory' : (error as Error).message;
    throw new PlanError('invalid-file', `LLM_PLAN_PRESETS=${directory}: ${reason}`, 'set LLM_PLAN_PRESETS to a directory of preset .json files, or unset it');
  }
}

interface Named {
  readonly id: string;
  readonly aliases?: readonly string[] | undefined;
}

const namesOf = (preset: Named): string[] => [preset.id, ...(preset.aliases ?? [])];

/**
 * Built-in presets plus user ones. A user id or alias equal to a built-in id or alias would change
 * what a familiar name means without anyone noticing, so it is an error unless `--allow-override`,
 * which then replaces the built-in preset. Two user files defining one name is always an error.
 */
function mergePresets<T extends Named>(builtin: readonly T[], user: ReadonlyArray<FromFile<T>>, what: string, allowOverride: boolean): readonly T[] {
  if (user.length === 0) return builtin;
  const owners = new Map<string, string>();
  let kept = [...builtin];
  for (const { file, preset } of user) {
    for (const name of namesOf(preset)) {
      const owner = owners.get(name);
      if (owner !== undefined) throw new PlanError('invalid-file', `${file}: ${what} '${name}' is also defined in ${owner}`, 'give each user preset its own id');
      owners.set(name, file);
      const shadowed = kept.find((candidate) => namesOf(candidate).includes(name));
      if (!shadowed) continue;
      if (!allowOverride) {
        throw new PlanError(
          'invalid-file',
          `${file}: ${what} '${name}' would shadow the built-in ${what} '${shadowed.id}'`,
          'give it another id, or pass --allow-override to replace the built-in one',
        );
      }
      kept = kept.filter((candidate) => candidate !== shadowed);
    }
  }
  return [...kept, ...user.map(({ preset }) => preset)];
}

/** The one preset of the expected kind in a file a flag names by path. */
function onlyPreset(file: string, presets: UserPresets, kind: Kind, what: string, flag: string): unknown {
  const list = presets[kind];
  const others = (Object.keys(presets) as Kind[]).filter((other) => other !== kind && presets[other].length > 0);
  if (list.length === 1 && others.length === 0) return list[0];
  const holds = (Object.keys(presets) as Kind[]).map((k) => `${presets[k].length} ${k}`).join(', ');
  throw new PlanError('invalid-file', `${file}: ${flag} needs a file with exactly one ${what}; it holds ${holds}`, 'put several presets in a directory and set LLM_PLAN_PRESETS to it');
}

function assertDefaultLossResolves(file: string, rule: Rule, lossIds: readonly string[]): void {
  if (lossIds.includes(rule.defaultLoss)) return;
  const guess = suggest(rule.defaultLoss, lossIds);
  throw new PlanError(
    'invalid-file',
    `${file}: rule '${rule.id}': defaultLoss: unknown loss model '${rule.defaultLoss}'${guess ? ` (did you mean '${guess}'?)` : ''}`,
    `defaultLoss takes one of: ${lossIds.join(', ')}`,
  );
}
