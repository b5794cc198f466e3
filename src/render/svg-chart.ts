import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import { line, symbol, symbolCircle, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye } from 'd3-shape';
import type { ChartAxis } from './terminal-chart.js';

/**
 * A standalone, accessible SVG chart (one plotting area, a legend on the right). Scales, ticks,
 * paths and marker shapes come from d3-scale and d3-shape; this file only lays them out as text.
 * Loaded only on the `--svg` path, so d3 never costs the other commands start-up time.
 */

/** Okabe & Ito's colour-blind-safe palette (Color Universal Design, 2008), yellow left out (too pale on white). */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;

/**
 * Stops of viridis (van der Walt & Smith, matplotlib's default colour map), cut before its pale
 * yellow end so every colour stays visible on white: for ordered data such as compute buckets.
 */
const VIRIDIS_STOPS = ['#440154', '#3b528b', '#21918c', '#5ec962', '#aadc32'] as const;
const viridis = scaleLinear<string>()
  .domain(VIRIDIS_STOPS.map((_, index) => index / (VIRIDIS_STOPS.length - 1)))
  .range([...VIRIDIS_STOPS]);

/** The colour of position `index` among `count` ordered items, dark (first) to light (last). */
export function sequentialColor(index: number, count: number): string {
  return viridis(count <= 1 ? 0 : index / (count - 1));
}

/** Marker shapes, one per rule, so markers differ without colour too. */
const SHAPES = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond, symbolStar, symbolWye] as const;

/** The same axis description the terminal chart takes (title with its unit). */
export type SvgAxis = ChartAxis;

export interface SvgLine {
  readonly points: ReadonlyArray<readonly [number, number]>;
  readonly color: string;
  readonly dashed?: boolean;
}

export interface SvgMarker {
  readonly x: number;
  readonly y: number;
  readonly color: string;
  /** Index into the marker shapes (circle, square, triangle, diamond, star, wye). */
  readonly shape: number;
  /** Tooltip text: what the marker is, with its numbers. */
  readonly label: string;
  readonly size?: number;
  /** A visible label beside the marker (real runs), moved up or down to clear earlier labels. */
  readonly text?: string;
}

export interface SvgLegendItem {
  readonly label: string;
  readonly color: string;
  /** A line sample (solid or dashed), or a marker shape. */
  readonly sample: { readonly kind: 'line'; readonly dashed?: boolean } | { readonly kind: 'marker'; readonly shape: number };
}

export interface SvgChartSpec {
  readonly title: string;
  /** A plain-text account of what the figure shows, for screen readers (`<desc>`). */
  readonly description: string;
  readonly x: SvgAxis;
  readonly y: SvgAxis;
  readonly lines: readonly SvgLine[];
  readonly markers: readonly SvgMarker[];
  readonly legend: readonly SvgLegendItem[];
  readonly width?: number;
  readonly height?: number;
}

/** Text safe inside an XML element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[char]};`);
}

/** A number for an SVG attribute: two decimals, no exponent (a non-finite value is a bug). */
function px(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`non-finite SVG coordinate ${value}`);
  return (Math.round(value * 100) / 100).toString();
}

/**
 * A log axis spans exactly its data (rounding out to whole decades can leave most of it empty); a
 * linear one gets 4% of room either side, so markers at the extremes clear the frame, then round ends.
 */
function createScale(axis: SvgAxis, range: [number, number]): ScaleContinuousNumeric<number, number> {
  if (axis.scale === 'log') return scaleLog().domain([...axis.domain]).range(range);
  const [low, high] = axis.domain;
  const pad = (high - low || Math.abs(low) || 1) * 0.04;
  return scaleLinear().domain([low - pad, high + pad]).range(range).nice();
}

const MARGIN = { top: 48, right: 230, bottom: 58, left: 72 };

/** The chart as a standalone SVG document (XML, UTF-8, ending in a newline). */
export function renderSvgChart(spec: SvgChartSpec): string {
  const width = spec.width ?? 880;
  const height = spec.height ?? 520;
  const plotRight = width - MARGIN.right;
  const plotBottom = height - MARGIN.bottom;
  const x = createScale(spec.x, [MARGIN.left, plotRight]);
  const y = createScale(spec.y, [plotBottom, MARGIN.top]);
  const out: string[] = [];
  const text = (attributes: string, content: string): string => `<text ${attributes}>${escapeXml(content)}</text>`;

  out.push(
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="llm-plan-title llm-plan-desc" font-family="sans-serif" font-size="12">`,
    `<title id="llm-plan-title">${escapeXml(spec.title)}</title>`,
    `<desc id="llm-plan-desc">${escapeXml(spec.description)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    text(`x="${MARGIN.left}" y="28" font-size="16" font-weight="bold"`, spec.title),
  );

  out.push('<g class="axis x-axis" aria-hidden="true">', `<line x1="${MARGIN.left}" y1="${plotBottom}" x2="${plotRight}" y2="${plotBottom}" stroke="#333333"/>`);
  const xTicks = x.ticks(8);
  const xLabel = tickLabeller(x, spec.x, xTicks, 8);
  for (const tick of xTicks) {
    const label = xLabel(tick);
    out.push(
      `<line x1="${px(x(tick))}" y1="${plotBottom}" x2="${px(x(tick))}" y2="${plotBottom + (label ? 6 : 3)}" stroke="#333333"/>`,
      ...(label ? [`<line x1="${px(x(tick))}" y1="${MARGIN.top}" x2="${px(x(tick))}" y2="${plotBottom}" stroke="#e5e5e5"/>`, text(`x="${px(x(tick))}" y="${plotBottom + 20}" text-anchor="middle"`, label)] : []),
    );
  }
  out.push(text(`x="${px((MARGIN.left + plotRight) / 2)}" y="${height - 14}" text-anchor="middle"`, spec.x.title), '</g>');

  out.push('<g class="axis y-axis" aria-hidden="true">', `<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${plotBottom}" stroke="#333333"/>`);
  const yTicks = y.ticks(6);
  const yLabel = tickLabeller(y, spec.y, yTicks, 6);
  for (const tick of yTicks) {
    const label = yLabel(tick);
    out.push(
      `<line x1="${MARGIN.left - (label ? 6 : 3)}" y1="${px(y(tick))}" x2="${MARGIN.left}" y2="${px(y(tick))}" stroke="#333333"/>`,
      ...(label ? [`<line x1="${MARGIN.left}" y1="${px(y(tick))}" x2="${plotRight}" y2="${px(y(tick))}" stroke="#e5e5e5"/>`, text(`x="${MARGIN.left - 9}" y="${px(y(tick) + 4)}" text-anchor="end"`, label)] : []),
    );
  }
  const yMiddle = px((MARGIN.top + plotBottom) / 2);
  out.push(text(`x="18" y="${yMiddle}" text-anchor="middle" transform="rotate(-90 18 ${yMiddle})"`, spec.y.title), '</g>');

  const path = line<readonly [number, number]>()
    .x(([value]) => x(value))
    .y(([, value]) => y(value));
  out.push('<g class="lines" fill="none" stroke-width="2">');
  for (const series of spec.lines) {
    out.push(`<path d="${path(series.points) ?? ''}" stroke="${series.color}"${series.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
  }
  out.push('</g>', '<g class="markers" stroke="#000000" stroke-width="1">');
  for (const marker of spec.markers) {
    out.push(
      `<path d="${shapePath(marker.shape, marker.size ?? 90)}" transform="translate(${px(x(marker.x))} ${px(y(marker.y))})" fill="${marker.color}"><title>${escapeXml(marker.label)}</title></path>`,
    );
  }
  out.push('</g>');
  const labelled = spec.markers.filter((marker) => marker.text !== undefined);
  if (labelled.length > 0) {
    // Left to right; each label takes the first vertical offset that overlaps no label placed before.
    const placed: Array<{ x0: number; x1: number; y0: number; y1: number }> = [];
    out.push('<g class="marker-labels" font-size="10" fill="#222222">');
    for (const marker of [...labelled].sort((a, b) => a.x - b.x)) {
      const label = marker.text ?? '';
      const x0 = x(marker.x) + 6;
      const x1 = x0 + 5.6 * label.length;
      const offsets = [0, -11, 11, -22, 22, -33, 33];
      const offset = offsets.find((dy) => {
        const y0 = y(marker.y) + dy - 8;
        return !placed.some((box) => box.x0 < x1 && x0 < box.x1 && box.y0 < y0 + 10 && y0 < box.y1);
      }) ?? 0;
      const baseline = y(marker.y) + offset;
      placed.push({ x0, x1, y0: baseline - 8, y1: baseline + 2 });
      if (offset !== 0) out.push(`<line x1="${px(x(marker.x))}" y1="${px(y(marker.y))}" x2="${px(x0 - 1)}" y2="${px(baseline - 3)}" stroke="#999999" stroke-width="0.5"/>`);
      out.push(text(`x="${px(x0)}" y="${px(baseline)}"`, label));
    }
    out.push('</g>');
  }
  out.push(`<g class="legend" transform="translate(${plotRight + 20} ${MARGIN.top})">`);
  spec.legend.forEach((item, index) => {
    const rowY = index * 22;
    out.push(
      item.sample.kind === 'line'
        ? `<line x1="0" y1="${rowY}" x2="28" y2="${rowY}" stroke="${item.color}" stroke-width="2"${item.sample.dashed ? ' stroke-dasharray="6 4"' : ''}/>`
        : `<path d="${shapePath(item.sample.shape, 90)}" transform="translate(14 ${rowY})" fill="${item.color}" stroke="#000000"/>`,
      text(`x="36" y="${rowY + 4}"`, item.label),
    );
  });
  out.push('</g>', '</svg>', '');
  return out.join('\n');
}

function shapePath(shape: number, size: number): string {
  return symbol(SHAPES[shape % SHAPES.length], size)() ?? '';
}

/**
 * Labels for the ticks. On a log axis d3 returns minor ticks (2×, 3×, …) too; its own tick format
 * blanks the ones that would crowd, and we keep that choice but print our SI labels.
 */
function tickLabeller(scale: ScaleContinuousNumeric<number, number>, axis: SvgAxis, ticks: readonly number[], count: number): (value: number) => string {
  if (axis.scale === 'linear') return (value) => axis.formatTick(value, tickStep(ticks));
  const d3Label = scale.tickFormat(count);
  return (value) => (d3Label(value) === '' ? '' : axis.formatTick(value, 1));
}

function tickStep(ticks: readonly number[]): number {
  const [first, second] = ticks;
  return first !== undefined && second !== undefined ? second - first : 1;
}
