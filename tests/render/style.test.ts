import { describe, expect, it } from 'vitest';
import { createStyle, PLAIN_STYLE } from '../../src/render/style.js';

const ESC = '\u001b';

describe('style functions are unary', () => {
  it('a coloured style mapped over an array styles each cell alone (index and array are ignored)', () => {
    const style = createStyle(true);
    const head = ['rule', 'parameters'];
    // Expected codes written by hand: SGR 1 = bold on, SGR 22 = bold off (ECMA-48).
    expect(head.map(style.bold)).toEqual([`${ESC}[1mrule${ESC}[22m`, `${ESC}[1mparameters${ESC}[22m`]);
    // SGR 2 = faint (dim), closed by 22; SGR 36 = cyan, closed by 39; 33 = yellow.
    expect(head.map(style.dim)).toEqual([`${ESC}[2mrule${ESC}[22m`, `${ESC}[2mparameters${ESC}[22m`]);
    expect(head.map(style.accent)[1]).toBe(`${ESC}[36mparameters${ESC}[39m`);
    expect(head.map(style.warn)[0]).toBe(`${ESC}[33mrule${ESC}[39m`);
  });

  it('every style of both palettes declares and reads one argument', () => {
    for (const style of [createStyle(true), createStyle(false), PLAIN_STYLE]) {
      for (const paint of [style.bold, style.dim, style.accent, style.warn]) {
        expect(paint.length).toBe(1);
        const extra = (paint as unknown as (...args: unknown[]) => string)('x', 7, ['x', 'y']);
        expect(extra.replace(/\u001b\[[0-9;]*m/g, '')).toBe('x');
      }
    }
  });
});
