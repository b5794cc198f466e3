import { describe, expect, it } from 'vitest';
import { canvasLines, createCanvas, drawLine, placeGlyph, setDot } from '../../src/render/braille-canvas.js';

// Braille cells are U+2800 + bits; dots 1,2,3 (left column, top down) = 0x01,0x02,0x04; dots 4,5,6
// (right column) = 0x08,0x10,0x20; dots 7,8 (bottom row, left/right) = 0x40,0x80 (Unicode chart U+2800).
describe('braille canvas', () => {
  it.each([
    [0, 0, '⠁'], // U+2801
    [1, 0, '⠈'], // U+2808
    [0, 3, '⡀'], // U+2840
    [1, 3, '⢀'], // U+2880
  ])('dot (%d, %d) is %s', (x, y, expected) => {
    const canvas = createCanvas(1, 1);
    setDot(canvas, x, y);
    expect(canvasLines(canvas)).toEqual([expected]);
  });

  it('fills a cell with all eight dots as ⣿ and leaves empty cells as spaces', () => {
    const canvas = createCanvas(2, 1);
    for (let y = 0; y < 4; y++) drawLine(canvas, 0, y, 1, y);
    expect(canvasLines(canvas)).toEqual(['⣿ ']);
  });

  it('draws a horizontal line across cells (top row: dots 1 and 4 = 0x09 = ⠉)', () => {
    const canvas = createCanvas(3, 1);
    drawLine(canvas, 0, 0, 5, 0);
    expect(canvasLines(canvas)).toEqual(['⠉⠉⠉']);
  });

  it('draws a diagonal through one dot per row', () => {
    const canvas = createCanvas(2, 1);
    drawLine(canvas, 0, 0, 3, 3);
    // (0,0)=0x01 and (1,1)=0x10 in the first cell → ⠑; (2,2)=0x04 and (3,3)=0x80 in the second → ⢄
    expect(canvasLines(canvas)).toEqual(['⠑⢄']);
  });

  it('ignores dots off the canvas', () => {
    const canvas = createCanvas(1, 1);
    setDot(canvas, -1, 0);
    setDot(canvas, 2, 0);
    setDot(canvas, 0, 4);
    expect(canvasLines(canvas)).toEqual([' ']);
  });

  it('moves a glyph to the nearest free cell rather than hide another', () => {
    const canvas = createCanvas(4, 1);
    expect(placeGlyph(canvas, 2, 0, 'A')).toBe(true);
    expect(placeGlyph(canvas, 2, 0, 'B')).toBe(true);
    expect(placeGlyph(canvas, 2, 0, 'C')).toBe(true);
    expect(canvasLines(canvas)).toEqual(['CAB ']);
  });
});
