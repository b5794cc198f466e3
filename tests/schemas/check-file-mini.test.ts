import { readdirSync, readFileSync } from 'node:fs';
import * as z from 'zod';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import * as classic from '../../src/domain/schemas/check-file.js';
import * as mini from '../../src/domain/schemas/check-file-mini.js';
import { ROOT } from '../helpers/cli.js';

// src/domain/schemas/check-file-mini.ts restates the check-file config schema of
// src/domain/schemas/check-file.ts in zod's mini API (for start-up speed, issue 16). These hold the
// two the same: the same JSON Schema but for descriptions (which only document), and on the fixtures
// and thousands of broken copies the same outcome with the same issues (code, path, message, and
// the inner issues of a union, which check-config.ts unwraps).
const PAIRS = [
  ['config', classic.CheckConfigSchema, mini.CheckConfigSchema],
  ['arch', classic.CheckArchitectureSchema, mini.CheckArchitectureSchema],
  ['layout', classic.CheckLayoutFieldSchema, mini.CheckLayoutFieldSchema],
] as const;

/** A JSON Schema without its `description` fields. */
function undescribed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(undescribed);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'description').map(([key, inner]) => [key, undescribed(inner)]));
}

const jsonSchema = (schema: z.core.$ZodType): unknown => undescribed(z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }));

/** Every issue of a parse, as data, with the inner issues of unions. */
const outcome = (schema: z.core.$ZodType, value: unknown): unknown => {
  const result = z.safeParse(schema, value);
  return result.success ? { success: true, data: result.data } : { success: false, issues: JSON.parse(JSON.stringify(result.error.issues)) as unknown };
};

/** Every config of the check fixtures (JSON and YAML), as data. */
function fixtureConfigs(): Array<Record<string, unknown>> {
  const dir = `${ROOT}tests/fixtures/check/`;
  const files = [...readdirSync(dir).filter((name) => /\.(json|ya?ml)$/.test(name)), ...readdirSync(`${dir}ci`).map((name) => `ci/${name}`)];
  return files.flatMap((name) => {
    const data = parse(readFileSync(`${dir}${name}`, 'utf8')) as unknown;
    const list = Array.isArray(data) ? data : typeof data === 'object' && data !== null && 'configs' in data ? (data as { configs: unknown[] }).configs : [data];
    return list.filter((config): config is Record<string, unknown> => typeof config === 'object' && config !== null && !Array.isArray(config));
  });
}

const WRONG: unknown[] = ['', 'x', '70B', '1e25', '0', '-5', 'tp=8', '\u001b[31mred', 'a\rb', -1, 0, 0.5, 1, 8, 1.5, 2e9, 1e308, -Infinity, Number.NaN, null, true, [], [1], {}, { layers: 2 }, { tp: 0 }, { tp: 8, pp: 'x' }, { bogus: 1 }];

/** Broken copies of a config: each field removed, set to values of the wrong type or range, nested fields too. */
function mutations(config: Record<string, unknown>): unknown[] {
  const out: unknown[] = [{ ...config, unknownField: 1 }, { ...config, tokenz: '1T' }, { ...config, arch: { layers: 32, dModel: 4096, heads: 32, ffn: 11008, headz: 1 } }];
  for (const key of Object.keys(config)) {
    const { [key]: _removed, ...rest } = config;
    out.push(rest);
    for (const value of WRONG) out.push({ ...config, [key]: value });
    const nested = config[key];
    if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
      for (const inner of Object.keys(nested)) for (const value of WRONG) out.push({ ...config, [key]: { ...nested, [inner]: value } });
    }
  }
  return out;
}

describe('the mini check-config schema equals the classic one', () => {
  it.each(PAIRS)('%s: the same JSON Schema, less descriptions', (_, classicSchema, miniSchema) => {
    expect(jsonSchema(miniSchema)).toEqual(jsonSchema(classicSchema));
  });

  it('every field of the classic config is in the mini one, in the same order', () => {
    expect(Object.keys(mini.CheckConfigSchema.shape)).toEqual(Object.keys(classic.CheckConfigSchema.shape));
  });

  it('the fixtures and thousands of broken copies parse alike, with the same issues', () => {
    const configs = fixtureConfigs();
    expect(configs.length).toBeGreaterThan(10);
    // Every field set at least once, so each field's schema meets the wrong values.
    const every: Record<string, unknown> = Object.assign({}, ...configs);
    let failures = 0;
    let cases = 0;
    for (const config of [...configs, every]) {
      for (const value of [config, ...mutations(config)]) {
        const expected = outcome(classic.CheckConfigSchema, value) as { success: boolean };
        if (!expected.success) failures++;
        cases++;
        expect(outcome(mini.CheckConfigSchema, value), JSON.stringify(value)).toEqual(expected);
      }
    }
    expect(failures).toBeGreaterThan(cases / 2);
    expect(failures).toBeGreaterThan(2000);
  });

  it('values that are not configs fail alike', () => {
    for (const value of [undefined, null, 1, 'x', [], [{ params: '1B' }], { configs: [] }]) {
      expect(outcome(mini.CheckConfigSchema, value), JSON.stringify(value)).toEqual(outcome(classic.CheckConfigSchema, value));
    }
  });
});
