import { describe, expect, it } from 'vitest';
import { renderGrid } from '../../src/render/grid.js';
import { renderWrappedGrid } from '../../src/render/wrapped-grid.js';

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

  it('agrees with the wrapped grid (cli-table3) when nothing needs wrapping', () => {
    const head = ['id', 'memory', 'source'];
    const rows = [['v100', '32 GB', 'datasheet'], ['h100-sxm5', '80 GB', 'https://www.nvidia.com/']];
    expect(renderGrid(head, rows, { alignRight: [1] })).toBe(renderWrappedGrid(head, rows, { alignRight: [1], widths: [9, 6, 23] }));
  });
});
