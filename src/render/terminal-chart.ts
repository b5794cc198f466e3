import { linearTicks, linearTickStep, logTicks } from '../core/ticks.js';
import { canvasLines, createCanvas, drawLine, placeGlyph, setDot } from './braille-canvas.js';
import type { Style } from './style.js';

/** One axis: log or linear, its value range, its title and how its tick labels read. */
export interface ChartAxis {
  readonly scale: 'log' | 'linear';
  readonly domain: readonly [number, number];
  readonly title: string;
  /** Tick label; `step` is the tick spacing on a linear axis. */
  readonly formatTick: (value: number, step: number) => string;
}

/** A polyline through data points, with an optional glyph repeated along it so it reads without colour. */
export interface ChartLine {
  readonly points: ReadonlyArray<readonly [number, number]>;
  readonly glyph?: string;
  /** Where along the line (0 = first point, 1 = last) the glyph goes. */
  readonly glyphAt?: readonly number[];
  /** The line's colour (dots and glyph); without it the line is plain. */
  readonly style?: (text: string) => string;
}

/** A glyph at one data point: a rule's plan. */
export interface ChartMark {
  readonly x: number;
  readonly y: number;
  readonly glyph: string;
  /** The mark's colour; default the accent colour. */
  readonly style?: (text: string) => string;
}

export interface ChartSpec {
  /** Total width in columns, tick labels included. */
  readonly width: number;
  /** Rows of the plotting area. */
  readonly height: number;
  readonly x: ChartAxis;
  readonly y: ChartAxis;
  readonly lines: readonly ChartLine[];
  readonly marks: readonly ChartMark[];
}

/** Where a value falls on an axis, from 0 (domain start) to 1 (domain end). */
function toUnit(axis: ChartAxis, value: number): number {
  const [low, high] = axis.domain;
  const f = axis.scale === 'log' ? Math.log : (v: number): number => v;
  return high === low ? 0.5 : (f(value) - f(low)) / (f(high) - f(low));
}

/**
 * A log axis over two decades or more whose end lies more than 0.7 decade (a factor of 5) past its
 * last decade tick (a line reaching 7T with no label above 1T) is widened at that end to the next
 * decade, so the labels cover what is drawn.
 */
function coverAxis(axis: ChartAxis): ChartAxis {
  if (axis.scale !== 'log') return axis;
  const [low, high] = axis.domain;
  const lowDecade = Math.log10(low);
  const highDecade = Math.log10(high);
  // Under two decades the ticks step 1-2-5 and already cover the ends.
  if (highDecade - lowDecade < 2) return axis;
  const reach = 0.7;
  const widenHigh = highDecade - Math.floor(highDecade + 1e-9) > reach;
  const widenLow = Math.ceil(lowDecade - 1e-9) - lowDecade > reach;
  if (!widenHigh && !widenLow) return axis;
  return { ...axis, domain: [widenLow ? 10 ** Math.floor(lowDecade) : low, widenHigh ? 10 ** Math.ceil(highDecade) : high] };
}

/** Ticks that fit `room` cells, with the step linear labels need. */
function ticksFor(axis: ChartAxis, room: number, cellsPerTick: number): { values: number[]; step: number } {
  const [low, high] = axis.domain;
  const count = Math.max(2, Math.floor(room / cellsPerTick));
  if (axis.scale === 'log') {
    const values = logTicks(low, high, count);
    const [first, second] = values;
    const last = values[values.length - 1];
    // Thinned decades count from the top when counting from the bottom leaves the top unlabelled.
    if (first !== undefined && second !== undefined && last !== undefined && second / first > 10 && Math.log10(high / last) > 0.5) {
      const stride = Math.round(Math.log10(second / first));
      const top = Math.floor(Math.log10(high) + 1e-9);
      const fromTop: number[] = [];
      for (let exponent = top; 10 ** exponent >= low * (1 - 1e-9); exponent -= stride) fromTop.unshift(10 ** exponent);
      return { values: fromTop, step: 1 };
    }
    return { values, step: 1 };
  }
  return { values: linearTicks(low, high, count), step: linearTickStep(low, high, count) };
}

/**
 * A braille line chart with a y-axis title above it, tick labels on the left and below, and the
 * x-axis title centred underneath. Returns the lines without trailing newlines.
 */
export function renderChart(given: ChartSpec, style: Style): string[] {
  const spec = { ...given, x: coverAxis(given.x), y: coverAxis(given.y) };
  // A linear axis (loss) needs a label every couple of rows to be read; decades are sparse anyway.
  const yTicks = ticksFor(spec.y, spec.height, spec.y.scale === 'linear' ? 2 : 3);
  const yLabels = yTicks.values.map((value) => spec.y.formatTick(value, yTicks.step));
  const labelWidth = Math.max(...yLabels.map((label) => label.length), 1);
  const columns = Math.max(10, spec.width - labelWidth - 2);
  const rows = Math.max(3, spec.height);
  const canvas = createCanvas(columns, rows);
  const pixelX = (value: number): number => toUnit(spec.x, value) * (columns * 2 - 1);
  const pixelY = (value: number): number => (1 - toUnit(spec.y, value)) * (rows * 4 - 1);

  spec.lines.forEach((line, owner) => {
    const pixels = line.points.map(([x, y]) => [pixelX(x), pixelY(y)] as const);
    pixels.forEach(([x, y], index) => {
      const next = pixels[index + 1];
      if (next) drawLine(canvas, x, y, next[0], next[1], owner);
      else setDot(canvas, x, y, owner);
    });
  });
  // Line glyphs first, then plan markers, which may push a line glyph aside but are never hidden.
  for (const line of spec.lines) {
    if (line.glyph === undefined) continue;
    // A short line can map two positions to one point; one glyph there is enough.
    const indexes = new Set((line.glyphAt ?? [0]).map((at) => Math.round(at * (line.points.length - 1))));
    for (const index of indexes) {
      const pixel = line.points[index];
      if (pixel) placeGlyph(canvas, pixelX(pixel[0]), pixelY(pixel[1]), line.glyph, line.style);
    }
  }
  for (const mark of spec.marks) placeGlyph(canvas, pixelX(mark.x), pixelY(mark.y), mark.glyph, mark.style ?? style.accent);

  const rowLabels = new Map<number, string>();
  yTicks.values.forEach((value, index) => {
    const row = Math.floor(Math.round(pixelY(value)) / 4);
    if (!rowLabels.has(row)) rowLabels.set(row, yLabels[index] ?? '');
  });
  const plain = (text: string): string => text;
  const body = canvasLines(canvas, (owner) => spec.lines[owner]?.style ?? plain).map((text, row) => {
    const label = rowLabels.get(row);
    return `${(label ?? '').padStart(labelWidth)} ${label === undefined ? '│' : '┤'}${text}`.trimEnd();
  });

  const xTicks = ticksFor(spec.x, columns, 9);
  const axis = Array.from({ length: columns }, () => '─');
  let labelLine = ' '.repeat(labelWidth + 2 + columns + 8);
  let lastEnd = -1;
  for (const value of xTicks.values) {
    const column = Math.floor(Math.round(pixelX(value)) / 2);
    axis[column] = '┬';
    const label = spec.x.formatTick(value, xTicks.step);
    // Centred under its tick, but kept inside the width (the last tick sits at the right edge).
    const start = Math.max(0, Math.min(spec.width - label.length, labelWidth + 2 + column - Math.floor((label.length - 1) / 2)));
    if (start <= lastEnd + 1) continue;
    labelLine = labelLine.slice(0, start) + label + labelLine.slice(start + label.length);
    lastEnd = start + label.length - 1;
  }
  const title = spec.x.title;
  const titleStart = Math.max(0, labelWidth + 2 + Math.floor((columns - title.length) / 2));
  return [
    style.dim(spec.y.title),
    ...body,
    `${' '.repeat(labelWidth + 1)}└${axis.join('')}`,
    labelLine.trimEnd(),
    style.dim(`${' '.repeat(titleStart)}${title}`),
  ];
}
