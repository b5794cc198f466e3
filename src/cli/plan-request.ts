import type { PlanRequest } from '../domain/request.js';

/**
 * Flags of the plan command that are not part of the request: they choose the output, name the
 * request file, or say how to load presets.
 */
const NOT_REQUEST_FLAGS = new Set(['json', 'format', 'color', 'input', 'allowOverride', 'version', 'help']);

/**
 * The plan request the flags make, as commander hands them over (camelCase keys, text values,
 * `true` for a switch, undefined where not given). Each request field is the flag of the same name;
 * values stay the text the user typed, read by the same parsers as `--input` and the library.
 * `sourceOf` is commander's `getOptionValueSource`: values that are only defaults are left out.
 *
 * @example planRequestFromFlags({ budget: '5000gpuh', gpu: 'v100', json: true, color: true }) → { budget: '5000gpuh', gpu: 'v100' }
 */
export function planRequestFromFlags(flags: Readonly<Record<string, unknown>>, sourceOf: (key: string) => string | undefined = () => 'cli'): PlanRequest {
  const request: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flags)) {
    // A default (`--no-flash-attn` makes flashAttn true unless given) is not something the user asked for.
    if (value !== undefined && !NOT_REQUEST_FLAGS.has(key) && sourceOf(key) !== 'default') request[key] = value;
  }
  return request as PlanRequest;
}
