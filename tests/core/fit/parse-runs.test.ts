import { describe, expect, it } from 'vitest';
import { PlanError } from '../../../src/domain/errors.js';
import { parseRuns } from '../../../src/core/fit/parse-runs.js';
import { dropTopLoss } from '../../../src/core/fit/runs.js';

const RUN = { params: 1e8, tokens: 2e9, loss: 3.1 };
// 6 · 1e8 · 2e9 = 1.2e18 FLOPs: the FLOP forms below must give back 2e9 tokens.

describe('parseRuns', () => {
  it.each([
    ['CSV', 'params,tokens,loss\n1e8,2e9,3.1\n'],
    ['CSV with CRLF, spaces and blank lines', '\r\n params , tokens , loss \r\n\r\n1e8, 2e9, 3.1\r\n'],
    ['CSV with short names in upper case', 'N,D,LOSS\n100000000,2000000000,3.1'],
    ["Epoch's headers (tokens from FLOPs)", 'Model Size,Training FLOP,loss\n1e8,1.2e18,3.1'],
    ['CSV with C and quoted cells', '"N","C","loss"\n"1e8","1.2e18","3.1"'],
    ['CSV with an unknown extra column', 'name,params,tokens,loss\n"tiny, v2",1e8,2e9,3.1'],
    ['a JSON array', '[{"params": 1e8, "tokens": 2e9, "loss": 3.1}]'],
    ['a JSON array with flops and string numbers', '[{"N": "1e8", "flops": 1.2e18, "loss": "3.1"}]'],
    ['NDJSON', '{"params": 1e8, "tokens": 2e9, "loss": 3.1}\n\n'],
    ['NDJSON with model size', '{"Model Size": 1e8, "D": 2e9, "Loss": 3.1, "note": "x"}'],
  ])('reads %s', (_, text) => {
    const [run, ...rest] = parseRuns(text, 'runs');
    expect(rest).toEqual([]);
    expect(run?.params).toBe(RUN.params);
    expect(run?.loss).toBe(RUN.loss);
    expect(run?.tokens).toBeCloseTo(RUN.tokens, -1);
  });

  it('prefers given tokens over tokens derived from FLOPs', () => {
    expect(parseRuns('params,tokens,flops,loss\n1e8,3e9,1.2e18,3', 'x')[0]?.tokens).toBe(3e9);
  });

  it.each([
    ['a negative loss, naming the line', 'params,tokens,loss\n1e8,2e9,3\n1e8,2e9,-1\n', /^runs\.csv: line 3: loss must be a positive finite number, got "-1"$/],
    ['zero params', 'params,tokens,loss\n0,2e9,3', /line 2: params must be a positive/],
    ['a non-number', 'params,tokens,loss\n1e8,lots,3', /line 2: tokens must be a positive finite number, got "lots"/],
    ['Infinity', 'params,tokens,loss\n1e8,Infinity,3', /line 2: tokens must be/],
    ['a missing loss column', 'params,tokens\n1e8,2e9', /the header has no loss column/],
    ['no tokens or flops column', 'params,loss\n1e8,3', /the header has no tokens or flops column/],
    ['no header', '1e8,2e9,3\n1e8,2e9,3', /line 1: a CSV needs a header row/],
    ['a short row', 'params,tokens,loss\n1e8,2e9', /line 2: 2 fields where the header has 3/],
    ['an empty file', '\n\n', /no runs found/],
    ['a JSON element that is not an object', '[{"params":1e8,"tokens":2e9,"loss":3}, 5]', /element 2: expected an object/],
    ['a JSON number that is negative', '[{"params":1e8,"tokens":2e9,"loss":-3}]', /element 1: loss must be/],
    ['broken NDJSON, naming the line', '{"params":1e8,"tokens":2e9,"loss":3}\n{"params":', /line 2: not valid JSON/],
    ['an NDJSON row without params', '{"tokens":2e9,"loss":3}', /line 1: no params/],
    ['broken JSON', '[{"params":1e8', /^runs\.csv: not valid JSON/],
    ['deeply nested JSON', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, /element 1: expected an object/],
  ])('refuses %s', (_, text, message) => {
    expect(() => parseRuns(text, 'runs.csv')).toThrow(message);
    expect(() => parseRuns(text, 'runs.csv')).toThrow(PlanError);
  });
});

describe('dropTopLoss', () => {
  const runs = [3, 5, 4, 5, 2].map((loss) => ({ params: 1, tokens: 1, loss }));
  it.each([
    [0, [3, 5, 4, 5, 2]],
    [1, [3, 4, 5, 2]], // ties: the earlier 5 goes first
    [2, [3, 4, 2]],
    [3, [3, 2]],
    [5, []],
  ])('dropping %i leaves losses %j in input order', (count, expected) => {
    expect(dropTopLoss(runs, count).map((run) => run.loss)).toEqual(expected);
  });

  it('refuses a negative count', () => {
    expect(() => dropTopLoss(runs, -1)).toThrow(/--drop-top-loss/);
  });
});
