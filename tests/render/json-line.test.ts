import { describe, expect, it } from 'vitest';
import { PlanError } from '../../src/domain/errors.js';
import { renderJson, renderJsonLine } from '../../src/render/json.js';

describe('renderJsonLine', () => {
  it('prints one compact line that parses to the same data as renderJson', () => {
    const document = { schema: 'llm-plan/plan@1', input: { budget: null }, plans: [{ params: 1e9, range: { params: [1, 2] } }] };
    const line = renderJsonLine(document);
    expect(line).toBe('{"schema":"llm-plan/plan@1","input":{"budget":null},"plans":[{"params":1000000000,"range":{"params":[1,2]}}]}\n');
    expect(JSON.parse(line)).toEqual(JSON.parse(renderJson(document)));
  });

  it.each([
    [{ flops: Number.NaN }],
    [{ plans: [{ loss: { value: Number.POSITIVE_INFINITY } }] }],
    [{ range: { params: [1, Number.NEGATIVE_INFINITY] } }],
  ])('refuses a non-finite number anywhere: %j', (document) => {
    expect(() => renderJsonLine(document)).toThrow(PlanError);
    expect(() => renderJsonLine(document)).toThrow(/non-finite/);
  });
});
