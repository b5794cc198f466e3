import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { BUILTIN_ACCELERATORS, BUILTIN_LOSS_MODELS } from '../../src/presets/builtin.js';
import { renderGrid } from '../../src/render/grid.js';
import { createStyle } from '../../src/render/style.js';
import { renderWrappedGrid, type WrappedGridOptions } from '../../src/render/wrapped-grid.js';

describe('renderGrid', () => {
  it('aligns columns two spaces apart, numbers to the right, without trailing spaces', () => {
    expect(renderGrid(['rule', 'N', 'note'], [['deepmind', '2.74B', ''], ['openai', '403B', 'x']], { alignRight: [1] })).toBe(
      ['rule          N  note', 'deepmind  2.74B', 'openai     403B  x'].join('\n'),
    );
  });

  it('measures colour codes as taking no room', () => {
    const bold = (text: string) => `\u001b[1m${text}\u001b[22m`;
    const lines = renderGrid([bold('a'), 'b'], [['long cell', '1']]).split('\n');
    expect(lines[0]).toBe(`${bold('a')}          b`);
    expect(lines[1]).toBe('long cell  1');
  });

  it('draws a cell of several lines over several rows', () => {
    expect(renderGrid(['k', 'v'], [['a', 'one\ntwo'], ['b', '3']])).toBe(['k  v', 'a  one', '   two', 'b  3'].join('\n'));
  });

  it('agrees with the wrapped grid when nothing needs wrapping', () => {
    const head = ['id', 'memory', 'source'];
    const rows = [['v100', '32 GB', 'datasheet'], ['h100-sxm5', '80 GB', 'https://www.nvidia.com/']];
    expect(renderGrid(head, rows, { alignRight: [1] })).toBe(renderWrappedGrid(head, rows, { alignRight: [1], widths: [9, 6, 23] }));
  });
});

/**
 * The wrapped grid as cli-table3 0.6 drew it (what llm-plan used before issue 16): the reference
 * the own implementation must match, line for line, without colour.
 */
function cliTable3Grid(head: readonly string[], rows: ReadonlyArray<readonly string[]>, options: WrappedGridOptions): string {
  const blank = { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ' };
  const table = new Table({
    head: [...head],
    chars: blank,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
    colAligns: head.map((_, index) => (options.alignRight?.includes(index) ? 'right' : 'left')),
    colWidths: options.widths.map((width) => width ?? null),
    wordWrap: true,
    wrapOnWordBoundary: true,
  });
  for (const row of rows) table.push([...row]);
  return table.toString().split('\n').map((line) => line.trimEnd()).join('\n');
}

describe('renderWrappedGrid lays out as cli-table3 did', () => {
  const gpuRows = BUILTIN_ACCELERATORS.map((gpu) => [gpu.id, (gpu.aliases ?? []).join(', '), `${gpu.memoryGB} GB`, gpu.name, gpu.source]);
  const lossRows = BUILTIN_LOSS_MODELS.map((model) => [model.id, model.name, model.source]);

  it.each([8, 10, 14, 20, 33])('the accelerators with the aliases, names and sources wrapped to %i columns', (width) => {
    const options = { alignRight: [2], widths: [undefined, width, undefined, width, width] };
    const head = ['id', 'aliases', 'memory', 'name', 'source'];
    expect(renderWrappedGrid(head, gpuRows, options)).toBe(cliTable3Grid(head, gpuRows, options));
  });

  it.each([12, 24, 40])('the loss models wrapped to %i columns', (width) => {
    const options = { widths: [12, width, 24] };
    expect(renderWrappedGrid(['loss model', 'name', 'source'], lossRows, options)).toBe(cliTable3Grid(['loss model', 'name', 'source'], lossRows, options));
  });

  it('long words, runs of spaces, empty cells, leading and trailing spaces, several lines in a cell', () => {
    const rows = [
      ['https://example.com/a/very/long/path/that/cannot/wrap', 'x', '1'],
      ['two  spaces   here and there', '', '22'],
      ['  leading', 'trailing  ', '333'],
      ['one\ntwo three four five', 'a b\nc', ''],
      ['', '', ''],
      ['exactly10c exactly10c', 'ab', '4444'],
    ];
    for (const widths of [[10, 3, undefined], [5, 1, 2], [30, undefined, 4], [1, 1, 1]]) {
      const options = { alignRight: [2], widths };
      expect(renderWrappedGrid(['head one', 'h2', 'n'], rows, options), JSON.stringify(widths)).toBe(cliTable3Grid(['head one', 'h2', 'n'], rows, options));
    }
  });

  it('random words at random widths', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = (): string => 'abcdefghijklmnopqrstuvwxyz–—×'.slice(0, 1 + Math.floor(next() * 16));
    const cell = (): string => Array.from({ length: Math.floor(next() * 7) }, word).join(next() < 0.8 ? ' ' : '  ');
    for (let trial = 0; trial < 200; trial++) {
      const columns = 1 + Math.floor(next() * 4);
      const head = Array.from({ length: columns }, word);
      const rows = Array.from({ length: 1 + Math.floor(next() * 4) }, () => Array.from({ length: columns }, cell));
      const widths = head.map(() => (next() < 0.3 ? undefined : 1 + Math.floor(next() * 20)));
      const options = { alignRight: head.map((_, index) => index).filter(() => next() < 0.3), widths };
      expect(renderWrappedGrid(head, rows, options), JSON.stringify({ head, rows, widths })).toBe(cliTable3Grid(head, rows, options));
    }
  });

  it('with colour: the same text once the codes are stripped, and a wrapped cell styled on each of its lines', () => {
    const style = createStyle(true);
    const head = ['id', 'aliases', 'memory'];
    const plain = BUILTIN_ACCELERATORS.map((gpu) => [gpu.id, (gpu.aliases ?? []).join(', '), `${gpu.memoryGB} GB`]);
    const coloured = plain.map(([id = '', aliases = '', memory = '']) => [style.accent(id), style.dim(aliases), style.bold(memory)]);
    const options = { alignRight: [2], widths: [undefined, 12, undefined] };
    const text = renderWrappedGrid(head.map(style.bold), coloured, options);
    expect(text.replace(/\u001b\[[0-9;]*m/g, '')).toBe(cliTable3Grid(head, plain, options));
    // a100-sxm4-80gb's aliases take three lines at 12 columns; each is dimmed and closed on its own line.
    const aliasLines = text.split('\n').filter((line) => /\u001b\[2m(a100,|a100-80gb,|a100-sxm4)\u001b\[22m/.test(line));
    expect(aliasLines).toHaveLength(3);
    const count = (line: string, code: string): number => line.split(code).length - 1;
    for (const line of text.split('\n')) expect(count(line, '\u001b[1m') + count(line, '\u001b[2m'), line).toBe(count(line, '\u001b[22m'));
  });
});
