/**
 * A character grid drawn with Unicode braille: each cell holds 2×4 dots, so a W×H grid has
 * 2W×4H pixels. Letters can be placed over cells (markers, labels) and win over dots. Pure data;
 * `toLines` turns it into text.
 */
export interface BrailleCanvas {
  readonly columns: number;
  readonly rows: number;
  /** Dot bits per cell (row-major). */
  readonly dots: Uint8Array;
  /** Which series last drew a dot in each cell (−1: none), so a cell takes that series' colour. */
  readonly owners: Int16Array;
  /** Text per cell, if any (a marker glyph), with the style it is printed in. */
  readonly glyphs: Map<number, { readonly text: string; readonly style?: ((text: string) => string) | undefined }>;
}

// Bit of each dot in a braille cell (Unicode U+2800 block): x in 0..1, y in 0..3 from the top.
const DOT_BITS: readonly (readonly number[])[] = [
  [0x01, 0x08],
  [0x02, 0x10],
  [0x04, 0x20],
  [0x40, 0x80],
];
const BRAILLE_BLANK = 0x2800;

/** An empty canvas of `columns` × `rows` cells. */
export function createCanvas(columns: number, rows: number): BrailleCanvas {
  return { columns, rows, dots: new Uint8Array(columns * rows), owners: new Int16Array(columns * rows).fill(-1), glyphs: new Map() };
}

/** Sets the dot at pixel (x, y), origin top left, for series `owner`; pixels off the canvas are ignored. */
export function setDot(canvas: BrailleCanvas, x: number, y: number, owner = -1): void {
  const px = Math.round(x);
  const py = Math.round(y);
  if (px < 0 || py < 0 || px >= canvas.columns * 2 || py >= canvas.rows * 4) return;
  const cell = Math.floor(py / 4) * canvas.columns + Math.floor(px / 2);
  canvas.dots[cell] = (canvas.dots[cell] ?? 0) | (DOT_BITS[py % 4]?.[px % 2] ?? 0);
  if (owner >= 0) canvas.owners[cell] = owner;
}

/** Draws a straight line of dots between two pixels (Bresenham). */
export function drawLine(canvas: BrailleCanvas, x0: number, y0: number, x1: number, y1: number, owner = -1): void {
  let x = Math.round(x0);
  let y = Math.round(y0);
  const xEnd = Math.round(x1);
  const yEnd = Math.round(y1);
  const dx = Math.abs(xEnd - x);
  const dy = -Math.abs(yEnd - y);
  const stepX = x < xEnd ? 1 : -1;
  const stepY = y < yEnd ? 1 : -1;
  let error = dx + dy;
  for (;;) {
    setDot(canvas, x, y, owner);
    if (x === xEnd && y === yEnd) return;
    const doubled = 2 * error;
    if (doubled >= dy) {
      error += dy;
      x += stepX;
    }
    if (doubled <= dx) {
      error += dx;
      y += stepY;
    }
  }
}

/**
 * Puts a one-character glyph in the cell that holds pixel (x, y). If another glyph is already
 * there, the nearest free cell on the same row (right first) takes it, so no marker hides another.
 * Returns false when it found no room.
 */
export function placeGlyph(canvas: BrailleCanvas, x: number, y: number, text: string, style?: (text: string) => string): boolean {
  const row = Math.min(canvas.rows - 1, Math.max(0, Math.floor(Math.round(y) / 4)));
  const column = Math.min(canvas.columns - 1, Math.max(0, Math.floor(Math.round(x) / 2)));
  for (let offset = 0; offset < canvas.columns; offset++) {
    for (const candidate of offset === 0 ? [column] : [column + offset, column - offset]) {
      if (candidate < 0 || candidate >= canvas.columns) continue;
      const cell = row * canvas.columns + candidate;
      if (!canvas.glyphs.has(cell)) {
        canvas.glyphs.set(cell, { text, style });
        return true;
      }
    }
  }
  return false;
}

/** The canvas as text lines: glyphs over braille, blank cells as spaces; dots styled by their cell's owner. */
export function canvasLines(canvas: BrailleCanvas, dotStyle: (owner: number) => (text: string) => string = () => (text) => text): string[] {
  const lines: string[] = [];
  for (let row = 0; row < canvas.rows; row++) {
    let line = '';
    for (let column = 0; column < canvas.columns; column++) {
      const cell = row * canvas.columns + column;
      const glyph = canvas.glyphs.get(cell);
      const bits = canvas.dots[cell] ?? 0;
      if (glyph) line += glyph.style ? glyph.style(glyph.text) : glyph.text;
      else line += bits === 0 ? ' ' : dotStyle(canvas.owners[cell] ?? -1)(String.fromCharCode(BRAILLE_BLANK + bits));
    }
    lines.push(line);
  }
  return lines;
}
