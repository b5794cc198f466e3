import { describe, expect, it } from 'vitest';
import { parseFormat, chooseFormat } from '../../src/cli/format-option.js';
import { csvField } from '../../src/render/plan-csv.js';
import { relativeError, runCli } from '../helpers/cli.js';

// Reference case by hand (issue 2): C = 5000 h × 3600 s × 125e12 FLOP/s × 0.40 = 9.0e20;
// deepmind N = 70e9 · √(9e20 / 5.88e23) = 2.739e9, D = C/(6N) = 5.477e10, hoffmann2022 L = 2.3456.
const REFERENCE = ['--budget', '5000gpuh', '--gpu', 'v100'];

/** A minimal RFC 4180 reader (quoted fields, doubled quotes), independent of the renderer. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') [field, index] = [`${field}"`, index + 1];
      else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') [row, field] = [[...row, field], ''];
    else if (character === '\r' && text[index + 1] === '\n') {
      rows.push([...row, field]);
      [row, field, index] = [[], '', index + 1];
    } else field += character;
  }
  return rows;
}

describe('--format', () => {
  it('csv: a header and one row per rule, numbers in base units', async () => {
    const result = await runCli([...REFERENCE, '--format', 'csv']);
    expect(result.code).toBe(0);
    const [header = [], ...rows] = readCsv(result.stdout);
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(header.map((name, index) => [name, rows[0]?.[index]]));
    expect(row.rule).toBe('deepmind');
    expect(relativeError(Number(row.params), 2.739e9)).toBeLessThan(1e-3);
    expect(relativeError(Number(row.tokens), 5.477e10)).toBeLessThan(1e-3);
    expect(relativeError(Number(row.loss), 2.3456)).toBeLessThan(1e-3);
    expect(Number(row.compute_flops)).toBe(9e20);
    expect(row.gpu).toBe('v100-sxm2-32gb');
    expect(row.cost_usd).toBe('');
  });

  it('csv: one row per rule with --rule all', async () => {
    const rows = readCsv((await runCli(['--budget', '1e22flops', '--rule', 'all', '--format', 'csv'])).stdout);
    expect(rows.slice(1).map((row) => row[0])).toEqual(['openai', 'deepmind', 'chinchilla-1', 'chinchilla-2', 'chinchilla-3', 'llama3', 'deepseek', 'optimal']);
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [1.5e21, '1.5e+21'],
    [undefined, ''],
  ])('csvField(%j) → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('markdown: a table a pull-request comment renders', async () => {
    const result = await runCli([...REFERENCE, '--format', 'markdown']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('| rule | parameters | tokens | tokens/param | est. loss | loss model |');
    expect(result.stdout).toContain('|---|---:|---:|---:|---:|---|');
    expect(result.stdout).toMatch(/^\| deepmind \| 2\.74B \| 54\.8B \| 20\.0 \| 2\.346 \| hoffmann2022 \|$/m);
    expect(result.stdout).toContain('9.00e20 FLOPs');
    expect(result.stdout).toMatch(/^- Loss is hoffmann2022/m);
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('ndjson: the plan document on one line', async () => {
    const result = await runCli([...REFERENCE, '--format', 'ndjson']);
    expect(result.stdout.endsWith('\n')).toBe(true);
    expect(result.stdout.trimEnd()).not.toContain('\n');
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse((await runCli([...REFERENCE, '--json'])).stdout));
  });

  it('json: --format json equals --json, and both together agree', async () => {
    const json = (await runCli([...REFERENCE, '--json'])).stdout;
    expect((await runCli([...REFERENCE, '--format', 'json'])).stdout).toBe(json);
    expect((await runCli([...REFERENCE, '--format', 'JSON', '--json'])).stdout).toBe(json);
  });

  it('table is the default', async () => {
    expect((await runCli([...REFERENCE, '--format', 'table'])).stdout).toBe((await runCli(REFERENCE)).stdout);
  });

  it.each([
    [['--format', 'csv', '--json'], /--json contradicts --format csv/],
    [['--format', 'yaml'], /unknown --format 'yaml'/],
    [['--format', 'mardown'], /unknown --format 'mardown' \(did you mean 'markdown'\?\)/],
  ])('exits 2 for %j', async (flags, message) => {
    const result = await runCli([...REFERENCE, ...flags]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });
});

describe('parseFormat / chooseFormat', () => {
  const allowed = ['table', 'json', 'csv'] as const;
  it.each([
    [{}, 'table'],
    [{ json: true }, 'json'],
    [{ format: 'CSV' }, 'csv'],
    [{ format: 'json', json: true }, 'json'],
  ])('%j → %s', (options, expected) => {
    expect(chooseFormat(options, allowed)).toBe(expected);
  });

  it('refuses a format the command does not allow, listing those it does', () => {
    expect(() => parseFormat('markdown', allowed)).toThrow(/unknown --format 'markdown'/);
  });
});
