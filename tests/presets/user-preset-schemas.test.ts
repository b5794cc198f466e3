import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import * as classic from '../../src/domain/presets.js';
import { BUILTIN_ACCELERATORS, BUILTIN_LOSS_MODELS, BUILTIN_RULES } from '../../src/presets/builtin.js';
import * as mini from '../../src/presets/user-preset-schemas.js';

// src/presets/user-preset-schemas.ts restates the preset schemas of src/domain/presets.ts in zod's
// mini API (for start-up speed, issue 16). These hold the two the same: the same JSON Schema, and
// on every broken preset below the same outcome with the same issues (code, path, message).
const ClassicListFile = z
  .strictObject({
    schema: z.literal('llm-plan/presets@1').optional(),
    accelerators: z.array(classic.AcceleratorSchema).optional(),
    rules: z.array(classic.RuleSchema).optional(),
    lossModels: z.array(classic.LossModelSchema).optional(),
  })
  .refine((file) => (file.accelerators?.length ?? 0) + (file.rules?.length ?? 0) + (file.lossModels?.length ?? 0) > 0, 'no presets in the file');

const PAIRS = [
  ['accelerator', classic.AcceleratorSchema, mini.AcceleratorSchema],
  ['rule', classic.RuleSchema, mini.RuleSchema],
  ['loss model', classic.LossModelSchema, mini.LossModelSchema],
  ['list file', ClassicListFile, mini.PresetListFileSchema],
] as const;

const jsonSchema = (schema: z.core.$ZodType): unknown => z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' });

/** Every issue of a parse, as data. */
const outcome = (schema: z.core.$ZodType, value: unknown): unknown => {
  const result = z.safeParse(schema, value);
  return result.success ? { success: true, data: result.data } : { success: false, issues: result.error.issues.map(({ code, path, message }) => ({ code, path, message })) };
};

/** Broken copies of a preset: each field removed, and set to values of the wrong type or range. */
function mutations(preset: Record<string, unknown>): unknown[] {
  const wrong: unknown[] = ['', 'x', 'Bad Id', '\u001b[31mred', -1, 0, 0.5, 1.5, 1e308, null, true, [], [1], [1, 2, 3], {}, { fp16: -1 }, { bogus: 1 }];
  const out: unknown[] = [{ ...preset, unknownField: 1 }, { ...preset, naem: 'typo' }];
  for (const key of Object.keys(preset)) {
    const { [key]: _removed, ...rest } = preset;
    out.push(rest);
    for (const value of wrong) out.push({ ...preset, [key]: value });
    const nested = preset[key];
    if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
      for (const inner of Object.keys(nested)) for (const value of wrong) out.push({ ...preset, [key]: { ...nested, [inner]: value } });
    }
  }
  return out;
}

describe('the mini preset schemas equal the classic ones', () => {
  it.each(PAIRS)('%s: the same JSON Schema', (_, classicSchema, miniSchema) => {
    expect(jsonSchema(miniSchema)).toEqual(jsonSchema(classicSchema));
  });

  it.each([
    ['accelerator', classic.AcceleratorSchema, mini.AcceleratorSchema, BUILTIN_ACCELERATORS],
    ['rule', classic.RuleSchema, mini.RuleSchema, BUILTIN_RULES],
    ['loss model', classic.LossModelSchema, mini.LossModelSchema, BUILTIN_LOSS_MODELS],
  ] as const)('%s: every built-in preset and thousands of broken copies parse alike, with the same issues', (_, classicSchema, miniSchema, presets) => {
    let failures = 0;
    for (const preset of presets) {
      const cases = [preset, ...mutations(preset as unknown as Record<string, unknown>)];
      for (const value of cases) {
        const expected = outcome(classicSchema, value) as { success: boolean };
        if (!expected.success) failures++;
        expect(outcome(miniSchema, value), JSON.stringify(value)).toEqual(expected);
      }
    }
    expect(failures).toBeGreaterThan(presets.length * 20);
  });

  it('list files parse alike', () => {
    const [gpu] = BUILTIN_ACCELERATORS;
    const [rule] = BUILTIN_RULES;
    const files = [{}, { schema: 'llm-plan/presets@1' }, { schema: 'other' }, { accelerators: [] }, { accelerators: [gpu] }, { rules: [rule, { ...rule, kind: 'nope' }] }, { lossModels: [{}] }, { accelerators: [gpu], extra: 1 }, { accelerators: 'x' }];
    for (const file of files) expect(outcome(mini.PresetListFileSchema, file), JSON.stringify(file)).toEqual(outcome(ClassicListFile, file));
  });
});
