import type { Command } from 'commander';
import { PlanError } from '../domain/errors.js';
import { suggest } from '../domain/suggest.js';
import type { CliIo } from './io.js';
import { parseJsonInput, readTextInput } from './read-input.js';

/** Flags that shape the output or name the input itself; a plan request does not set them. */
const NOT_REQUEST_FIELDS = new Set(['json', 'format', 'color', 'input', 'version', 'help']);

/**
 * The plan request of `--input FILE|-` merged with the flags: a JSON object whose fields are the
 * command's flags (`budget`, `gpu`, `precision`, `mfu`, `rule`, `loss`, `price`, …, named as in the
 * plan's `input` echo, so `jq .input plan.json` can be fed back). A flag given on the command line
 * wins; `null` means "not given". The fields come from the commander command itself, so a flag
 * added later is accepted here without a second list.
 */
export async function mergePlanInput<T extends object>(command: Command, options: T, path: string, io: CliIo): Promise<T> {
  const { name, text } = await readTextInput(path, io, 'plan request');
  const file = name === '-' ? 'stdin' : name;
  const data = parseJsonInput(text, file);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new PlanError('invalid-file', `${file}: expected a JSON object of plan fields`, 'for example: {"budget": "5000gpuh", "gpu": "v100"}');
  }

  const fields = new Map(
    command.options.filter((option) => !NOT_REQUEST_FIELDS.has(option.attributeName())).map((option) => [option.attributeName(), option]),
  );
  const merged: Record<string, unknown> = { ...(options as Record<string, unknown>) };
  for (const [key, value] of Object.entries(data)) {
    const option = fields.get(key);
    if (!option) {
      const guess = suggest(key, [...fields.keys()]);
      throw new PlanError('invalid-file', `${file}: unknown field '${key}'${guess ? ` (did you mean '${guess}'?)` : ''}`, `a plan request takes: ${[...fields.keys()].join(', ')}`);
    }
    if (value === null || command.getOptionValueSource(key) === 'cli') continue;
    // `--no-flash-attn` is a negatable flag: its field (`flashAttn`) is a boolean too.
    merged[key] = option.isBoolean() || option.negate ? expectBoolean(file, key, value) : expectText(file, key, value);
  }
  return merged as T;
}

function expectBoolean(file: string, key: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new PlanError('invalid-file', `${file}: ${key}: expected true or false, got ${describe(value)}`);
  return value;
}

/** Flags are text; a JSON number is written as JavaScript prints it, which every flag parser reads. */
function expectText(file: string, key: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new PlanError('invalid-file', `${file}: ${key}: expected a string or a number, got ${describe(value)}`);
}

function describe(value: unknown): string {
  return Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value === 'object' ? 'an object' : JSON.stringify(value);
}
