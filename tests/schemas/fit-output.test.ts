import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LossModelSchema } from '../../src/domain/presets.js';
import { FitDocumentSchema } from '../../src/domain/schemas/fit.js';
import { runCli } from '../helpers/cli.js';
import { HOFFMANN_LAW, syntheticRuns } from '../core/fit/fixtures.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The real `fit --json` output against the JSON Schema `llm-plan schema fit` prints and a closed
// variant generated from the zod schema (catches a field emitted but not documented), with a JSON
// Schema validator independent of zod, as tests/schemas/outputs.test.ts does for the other documents.
const ajv = new Ajv2020({ allErrors: true, strict: false });
const RUNS = join(mkdtempSync(join(tmpdir(), 'llm-plan-fit-schema-')), 'runs.csv');
writeFileSync(RUNS, `N,D,loss\n${syntheticRuns(HOFFMANN_LAW, 0.003, 11).map((r) => `${r.params},${r.tokens},${r.loss}`).join('\n')}\n`);

describe('fit --json validates against the fit@1 JSON Schema and as a loss-model preset', () => {
  it.each([[[]], [['--bootstrap', '6', '--budgets', '1e21flops,1e23flops']]])('fit runs.csv %j --json', async (extra) => {
    const result = await runCli(['fit', RUNS, ...extra, '--json']);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout);
    const published = JSON.parse((await runCli(['schema', 'fit'])).stdout);
    for (const schema of [published, z.toJSONSchema(FitDocumentSchema, { io: 'output' })]) {
      const validate = ajv.compile(schema);
      validate(document);
      expect(validate.errors ?? []).toEqual([]);
    }
    expect(LossModelSchema.parse(document)).toEqual(document);
  });
});
