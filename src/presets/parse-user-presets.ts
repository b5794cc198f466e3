import type * as z from 'zod/mini';
import { PlanError } from '../domain/errors.js';
import { describeFirstIssue } from '../domain/schemas/describe-issue.js';
import type { Accelerator, LossModel, Rule } from '../domain/presets.js';
import { AcceleratorSchema, LossModelSchema, PresetListFileSchema, RuleSchema } from './user-preset-schemas.js';

/** Presets read from one user file, by kind. */
export interface UserPresets {
  readonly accelerators: readonly Accelerator[];
  readonly rules: readonly Rule[];
  readonly lossModels: readonly LossModel[];
}

// A single preset is told apart by the field only its kind has.
const SINGLE_PRESET_KINDS = [
  { field: 'denseTflops', kind: 'accelerators', schema: AcceleratorSchema },
  { field: 'kind', kind: 'rules', schema: RuleSchema },
  { field: 'form', kind: 'lossModels', schema: LossModelSchema },
] as const;

const LIST_KEYS = ['schema', 'accelerators', 'rules', 'lossModels'];

/**
 * Validates a user preset file's parsed JSON: one accelerator, rule or loss model, or a list file.
 * Errors name the file and the field (`my-gpu.json: denseTflops.bf16: expected number to be >0`).
 * JSON.parse makes `__proto__` an own key, and the strict schemas reject any key they do not know
 * (records drop it), so a file cannot reach an object's prototype.
 */
export function parseUserPresets(name: string, data: unknown): UserPresets {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new PlanError('invalid-file', `${name}: expected a JSON object`, 'a preset file holds one preset object or { "accelerators": [...] }, { "rules": [...] }, { "lossModels": [...] }');
  }
  const single = SINGLE_PRESET_KINDS.find(({ field }) => Object.hasOwn(data, field));
  const empty: UserPresets = { accelerators: [], rules: [], lossModels: [] };
  if (single) {
    const result = single.schema.safeParse(data);
    if (!result.success) throw invalid(name, result.error, knownKeys(single.schema));
    return { ...empty, [single.kind]: [result.data] };
  }
  if (!Object.keys(data).some((key) => LIST_KEYS.includes(key))) {
    throw new PlanError(
      'invalid-file',
      `${name}: not a preset: expected an accelerator (with denseTflops), a rule (with kind), a loss model (with form) or a list file`,
      'see llm-plan gpus --json and llm-plan rules --json for the shape',
    );
  }
  const result = PresetListFileSchema.safeParse(data);
  if (!result.success) throw invalid(name, result.error, () => LIST_KEYS);
  return { accelerators: result.data.accelerators ?? [], rules: result.data.rules ?? [], lossModels: result.data.lossModels ?? [] };
}

function invalid(name: string, error: z.core.$ZodError, known: (path: readonly PropertyKey[]) => readonly string[]): PlanError {
  return new PlanError('invalid-file', describeFirstIssue(error, name, '', known), 'the file must match the built-in preset schema (llm-plan schema presets)');
}

/** The field names of a (union of) strict object schema(s), for did-you-mean on an unknown field at the top. */
function knownKeys(schema: z.core.$ZodType): (path: readonly PropertyKey[]) => readonly string[] {
  const { def } = schema._zod;
  const options = def.type === 'union' ? (def as z.core.$ZodUnionDef).options : [schema];
  const keys = options.flatMap((option) => (option._zod.def.type === 'object' ? Object.keys((option._zod.def as z.core.$ZodObjectDef).shape) : []));
  return (path) => (path.length === 0 ? [...new Set(keys)] : []);
}
