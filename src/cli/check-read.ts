import { PlanError } from '../domain/errors.js';
import type { SourceLocation } from '../domain/schemas/check.js';
import { labelOf, type CheckConfigEntry } from '../request/check-config.js';
import type { CliIo } from './io.js';
import { parseJsonInput, readTextInput } from './read-input.js';
import { Locator, locateJson, type LocatedNode } from './source-map.js';

/**
 * Reading a check file: its text, its data, and where each config and field is in it (1-based
 * lines and columns), so annotations and errors can point at the line. Resolving the configs
 * (numbers, presets, budgets) is `request/check-config.ts`, which knows no positions.
 */

/** A problem with a check file, with where in the file it is when that is known. */
export class CheckFileError extends PlanError {
  readonly location: SourceLocation | null;

  constructor(message: string, hint: string | undefined, location: SourceLocation | null) {
    super('invalid-file', message, hint);
    this.location = location;
  }
}

/** The location a check-file error carries, if any (`instanceof` would match any PlanError: see its brand). */
export function locationOf(error: unknown): SourceLocation | null {
  return typeof error === 'object' && error !== null && 'location' in error ? ((error as { location: SourceLocation | null }).location ?? null) : null;
}

/** One config as read: its data, its place in the file and a way to find its fields. */
export interface ConfigEntry extends CheckConfigEntry {
  /** The whole config in the file. */
  readonly location: SourceLocation | null;
  /** A field of the config: its key (an unknown field) or its value (a bad value). */
  readonly locate: (field: string, part: 'key' | 'value') => SourceLocation | null;
}

export interface CheckFileContent {
  /** The path as given (`-` for stdin). */
  readonly name: string;
  readonly entries: readonly ConfigEntry[];
}

/**
 * Reads a check file (JSON or YAML; `-` for stdin) into its configs with their locations. One
 * config, a list, or `{ configs: [...] }`. Problems are `CheckFileError`s naming the file and,
 * where there is one, the line.
 */
export async function readCheckFile(path: string, io: CliIo): Promise<CheckFileContent> {
  const { name, text } = await readTextInput(path, io, 'check');
  const file = name === '-' ? 'stdin' : name;
  const locator = new Locator(text);
  const { data, root } = file.toLowerCase().endsWith('.json') ? parseJson(file, text, locator) : await parseYaml(file, text, locator);
  return { name, entries: listConfigs(file, data, root, locator) };
}

/** JSON for `.json` files (stricter and with better messages); positions from a scan of the text. */
function parseJson(file: string, text: string, locator: Locator): { data: unknown; root: LocatedNode | null } {
  let data: unknown;
  try {
    data = parseJsonInput(text, file);
  } catch (error) {
    if (!(error instanceof PlanError)) throw error;
    throw new CheckFileError(error.message, error.hint, jsonErrorLocation(text, locator));
  }
  // A check file is a few levels deep; anything deeper is refused later, and not worth locating.
  return { data, root: nestingDepth(text) > MAX_LOCATED_DEPTH ? null : locateJson(text) };
}

/** Deeper JSON is not parsed a second time for positions: a check file is four levels deep. */
const MAX_LOCATED_DEPTH = 64;

/** The deepest nesting of [ and { in JSON text, strings skipped. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text.charCodeAt(index);
    if (inString) {
      if (character === 0x5c) index += 1; // backslash: skip the escaped character
      else if (character === 0x22) inString = false;
    } else if (character === 0x22) inString = true;
    else if (character === 0x5b || character === 0x7b) deepest = Math.max(deepest, (depth += 1));
    else if (character === 0x5d || character === 0x7d) depth -= 1;
  }
  return deepest;
}

/** Where JSON.parse stopped: V8 names the offset (`at position 12`); the end when the text ran out. */
function jsonErrorLocation(text: string, locator: Locator): SourceLocation | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const position = /at position (\d+)/.exec(message);
    if (position) return locator.offset(Number(position[1]));
    if (/end of (JSON )?input/i.test(message) && text.length > 0) return locator.offset(text.length - 1);
    return null;
  }
}

/** YAML otherwise (a superset of JSON); the parser (110 kB) is loaded only for YAML input (DESIGN §6). */
async function parseYaml(file: string, text: string, locator: Locator): Promise<{ data: unknown; root: LocatedNode | null }> {
  const yaml = await import('./yaml-parser.js');
  const invalid = (error: unknown): PlanError => {
    const message = (error as Error).message.split('\n')[0] ?? '';
    // The parser reports its own stack overflow as a parse error; say what it means.
    if (error instanceof RangeError || /call stack/i.test(message)) return new CheckFileError(`${file}: nested too deeply to read`, undefined, null);
    const at = (error as { linePos?: [{ line: number; col: number }] }).linePos?.[0];
    return new CheckFileError(
      `${file}: not valid YAML (${message.replace(/:$/, '')})`,
      'a check file holds one config, a list of configs, or configs: [...]',
      at ? locator.point(at.line, at.col) : null,
    );
  };
  try {
    // logLevel 'error': the parser would print warnings on the process's stderr, past the CLI's io.
    const document = yaml.parseDocument(text, { logLevel: 'error' });
    // A warning is an unresolved tag (!!js/function, !!python/object): data we would misread as a string.
    const problem = document.errors[0] ?? document.warnings[0];
    if (problem) throw problem;
    // maxAliasCount bounds alias expansion ("billion laughs"); yaml's default, made explicit.
    const data = document.toJS({ maxAliasCount: 100 });
    return { data, root: located(yaml, document.contents, 0) };
  } catch (error) {
    throw invalid(error);
  }
}

type YamlModule = typeof import('./yaml-parser.js');

/** A YAML node as a located node, to the depth a check file needs (root → configs → config → field). */
function located(yaml: YamlModule, node: unknown, depth: number): LocatedNode | null {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  if (!range) return null;
  const [start, end] = range;
  if (depth >= 3) return { start, end };
  if (yaml.isSeq(node)) {
    return { start, end, items: node.items.map((item) => located(yaml, item, depth + 1) ?? { start, end }) };
  }
  if (yaml.isMap(node)) {
    const entries = node.items.flatMap((pair) => {
      const key = pair.key as { range?: [number, number, number]; value?: unknown } | null;
      if (!yaml.isScalar(key) || !key.range) return [];
      const value = located(yaml, pair.value, depth + 1) ?? { start: key.range[0], end: key.range[1] };
      return [{ key: String(key.value), keyStart: key.range[0], keyEnd: key.range[1], value }];
    });
    return { start, end, entries };
  }
  return { start, end };
}

/** One config, a list, or `{ configs: [...] }`, as a list of configs with their labels and places. */
function listConfigs(file: string, data: unknown, root: LocatedNode | null, locator: Locator): ConfigEntry[] {
  const fail = (message: string, hint: string | undefined, node: LocatedNode | null | undefined): never => {
    throw new CheckFileError(`${file}: ${message}`, hint, locator.node(node ?? root));
  };
  const isObject = typeof data === 'object' && data !== null && !Array.isArray(data);
  let list: unknown[];
  let listNode: LocatedNode | null = null;
  if (Array.isArray(data)) {
    // A bare list reads as the configs: [...] form does, so messages look the same for both.
    list = data;
    listNode = root;
  } else if (isObject && Object.hasOwn(data, 'configs')) {
    const { configs, ...rest } = data as { configs: unknown };
    const [extra] = Object.keys(rest);
    const configsEntry = root?.entries?.find((entry) => entry.key === 'configs');
    if (extra !== undefined) {
      const key = root?.entries?.find((entry) => entry.key === extra);
      fail(`unknown field '${extra}' next to configs`, 'a check file with configs: [...] has no other top-level field', key ? { start: key.keyStart, end: key.keyEnd } : root);
    }
    if (!Array.isArray(configs)) fail('configs: expected a list of configs', undefined, configsEntry?.value);
    list = configs as unknown[];
    listNode = configsEntry?.value ?? null;
  } else if (isObject) {
    return [entry(0, labelOf('config', data), data, root, locator)];
  } else {
    return fail('expected a config, a list of configs, or configs: [...]', 'each config has at least name, params and tokens', root);
  }
  if (list.length === 0) fail('no configs to check', undefined, listNode);
  const items = listNode?.items ?? [];
  return list.map((raw, index) => entry(index, labelOf(`configs[${index}]`, raw), raw, items[index] ?? null, locator));
}

function entry(index: number, label: string, raw: unknown, node: LocatedNode | null, locator: Locator): ConfigEntry {
  return {
    index,
    label,
    raw,
    location: locator.node(node),
    locate: (field, part) => {
      const found = node?.entries?.find((candidate) => candidate.key === field);
      if (!found) return locator.node(node);
      return part === 'value' ? locator.node(found.value) : locator.span(found.keyStart, found.keyEnd);
    },
  };
}
