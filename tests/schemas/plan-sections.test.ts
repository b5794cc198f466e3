import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { PlanSections } from '../../src/core/constraints/sections.js';
import { PlanSectionsSchema } from '../../src/domain/schemas/plan-sections.js';
import { runCli } from '../helpers/cli.js';

// Compile-time: the zod schema and the hand-written interface describe the same fields.
type FromSchema = z.infer<typeof PlanSectionsSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameType: Same<Required<FromSchema>, Required<{ -readonly [K in keyof PlanSections]: DeepMutable<PlanSections[K]> }>> = true;
type DeepMutable<T> = T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;

describe('the plan-sections schema', () => {
  it('matches the PlanSections type', () => {
    expect(sameType).toBe(true);
  });

  it('accepts real output with every section, and every section field is in the schema', async () => {
    const result = await runCli([
      '--budget', '50000gpuh', '--gpu', 'a100', '--gpus', '256', '--days', '14', '--price', '1.8',
      '--shape', '--hyperparams', '--unique-tokens', '300B', '--inference-tokens', '2T', '--json',
    ]);
    expect(result.code).toBe(0);
    const [row] = JSON.parse(result.stdout).plans;
    const parsed = PlanSectionsSchema.parse(row);
    for (const key of Object.keys(PlanSectionsSchema.shape)) {
      if (key === 'comparison') continue; // a chosen run's section: checked below
      expect(row[key], key).toBeDefined();
      // Non-strict objects drop unknown keys on parse: equality means nothing was left out.
      expect(parsed[key as keyof typeof parsed], key).toEqual(row[key]);
    }
  });

  it('accepts a chosen run with its comparison and the cluster sections, all fields in the schema', async () => {
    const result = await runCli(['--params', '7B', '--tokens', '2T', '--gpu', 'h100', '--gpus', '64', '--start', '2026-12-01', '--json']);
    expect(result.code).toBe(0);
    const [row] = JSON.parse(result.stdout).plans;
    const parsed = PlanSectionsSchema.parse(row);
    for (const key of ['comparison', 'layout', 'architecture', 'flopsPerToken', 'memory', 'time'] as const) {
      expect(row[key], key).toBeDefined();
      expect(parsed[key], key).toEqual(row[key]);
    }
  });
});
