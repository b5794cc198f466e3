import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import { line, symbol, symbolCircle, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye } from 'd3-shape';
import type { ChartAxis } from './terminal-chart.js';

/**
 * A standalone, accessible SVG chart: one or more plotting areas stacked top to bottom, a legend on
 * the right, and optional lines of text under the title. Scales, ticks, paths and marker shapes come
 * from d3-scale and d3-shape; this file only lays them out as text (colours: svg-palette.ts).
 * Loaded only on the `--svg` path, so d3 never costs the other commands start-up time.
 */

/** Marker shapes, one per rule, so markers differ without colour too. */
const SHAPES = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond, symbolStar, symbolWye] as const;

/** The same axis description the terminal chart takes (title with its unit). */
export type SvgAxis = ChartAxis;

export interface SvgLine {
  readonly points: ReadonlyArray<readonly [number, number]>;
  readonly color: string;
  readonly dashed?: boolean;
  /** Stroke width in px (default 2). */
  readonly width?: number;
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
  /** A line sample (solid or dashed), a marker shape, or none (a heading). */
  readonly sample: { readonly kind: 'line'; readonly dashed?: boolean } | { readonly kind: 'marker'; readonly shape: number } | { readonly kind: 'none' };
}

/** One plotting area: its axes, lines and markers, and a heading above it when there are several. */
export interface SvgPanel {
  readonly title?: string;
  readonly x: SvgAxis;
  readonly y: SvgAxis;
  readonly lines: readonly SvgLine[];
  readonly markers: readonly SvgMarker[];
}

export interface SvgChartSpec {
  readonly title: string;
  /** Lines of text under the title (the hardware, a fitted law's constants). */
  readonly subtitle?: readonly string[];
  /** A plain-text account of what the figure shows, for screen readers (`<desc>`). */
  readonly description: string;
  readonly panels: readonly SvgPanel[];
  readonly legend: readonly SvgLegendItem[];
  /**
   * Markers (without a text label) that would overlap are moved up until they clear one another,
   * each joined to its true place by a thin line with a dot there.
   */
  readonly separateMarkers?: boolean;
  readonly width?: number;
  /** Height of each plotting area in px. */
  readonly panelHeight?: number;
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

const text = (attributes: string, content: string): string => `<text ${attributes}>${escapeXml(content)}</text>`;

const MARGIN = { top: 40, right: 310, left: 72 };
/** Below a plotting area: tick labels and the x-axis title. */
const AXIS_ROOM = 52;
const SUBTITLE_LINE = 17;
const PANEL_TITLE = 20;

/** The chart as a standalone SVG document (XML, UTF-8, ending in a newline). */
export function renderSvgChart(spec: SvgChartSpec): string {
  const width = spec.width ?? 960;
  const panelHeight = spec.panelHeight ?? (spec.panels.length > 1 ? 250 : 420);
  const plotRight = width - MARGIN.right;
  const top = MARGIN.top + (spec.subtitle?.length ?? 0) * SUBTITLE_LINE + 8;
  const headed = spec.panels.length > 1;
  const panelStep = (headed ? PANEL_TITLE : 0) + panelHeight + AXIS_ROOM;
  const height = Math.max(top + spec.panels.length * panelStep + 10, top + spec.legend.length * 22 + 20);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${px(height)}" viewBox="0 0 ${width} ${px(height)}" role="img" aria-labelledby="llm-plan-title llm-plan-desc" font-family="sans-serif" font-size="12">`,
    `<title id="llm-plan-title">${escapeXml(spec.title)}</title>`,
    `<desc id="llm-plan-desc">${escapeXml(spec.description)}</desc>`,
    `<rect width="${width}" height="${px(height)}" fill="#ffffff"/>`,
    text(`x="${MARGIN.left}" y="26" font-size="16" font-weight="bold"`, spec.title),
  ];
  (spec.subtitle ?? []).forEach((line, index) => out.push(text(`class="subtitle" x="${MARGIN.left}" y="${26 + (index + 1) * SUBTITLE_LINE}" font-size="12" fill="#333333"`, line)));

  spec.panels.forEach((panel, index) => {
    const panelTop = top + index * panelStep + (headed ? PANEL_TITLE : 0);
    if (headed && panel.title) out.push(text(`class="panel-title" x="${MARGIN.left}" y="${px(panelTop - 7)}" font-weight="bold"`, panel.title));
    renderPanel(out, panel, { left: MARGIN.left, right: plotRight, top: panelTop, bottom: panelTop + panelHeight }, spec.separateMarkers === true);
  });

  out.push(`<g class="legend" font-size="11" transform="translate(${plotRight + 20} ${top})">`);
  spec.legend.forEach((item, index) => {
    const rowY = index * 22;
    if (item.sample.kind === 'line') {
      out.push(`<line x1="0" y1="${rowY}" x2="28" y2="${rowY}" stroke="${item.color}" stroke-width="2"${item.sample.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    } else if (item.sample.kind === 'marker') {
      out.push(`<path d="${shapePath(item.sample.shape, 90)}" transform="translate(14 ${rowY})" fill="${item.color}" stroke="#000000"/>`);
    }
    out.push(text(`x="${item.sample.kind === 'none' ? 0 : 36}" y="${rowY + 4}"${item.sample.kind === 'none' ? ' font-weight="bold"' : ''}`, item.label));
  });
  out.push('</g>', '</svg>', '');
  return out.join('\n');
}

interface Frame {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

function renderPanel(out: string[], panel: SvgPanel, frame: Frame, separate: boolean): void {
  const x = createScale(panel.x, [frame.left, frame.right], 8);
  const y = createScale(panel.y, [frame.bottom, frame.top], 6);
  renderAxis(out, 'x', x, panel.x, 8, frame);
  renderAxis(out, 'y', y, panel.y, 6, frame);

  const path = line<readonly [number, number]>()
    .x(([value]) => x(value))
    .y(([, value]) => y(value));
  out.push(`<g class="lines" fill="none" stroke-width="2">`);
  for (const series of panel.lines) {
    out.push(`<path d="${path(series.points) ?? ''}" stroke="${series.color}"${series.width ? ` stroke-width="${series.width}"` : ''}${series.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
  }
  out.push('</g>', '<g class="markers" stroke="#000000" stroke-width="1">');
  const placed: Array<readonly [number, number]> = [];
  const leaders: string[] = [];
  for (const marker of panel.markers) {
    const at = [x(marker.x), y(marker.y)] as const;
    let drawn = at;
    if (separate && marker.text === undefined) {
      // Up in steps of 15 px until no earlier marker is within 13 px.
      while (placed.some(([px0, py0]) => Math.hypot(px0 - drawn[0], py0 - drawn[1]) < 13)) drawn = [drawn[0], drawn[1] - 15];
      placed.push(drawn);
      if (drawn[1] !== at[1]) {
        leaders.push(
          `<line x1="${px(at[0])}" y1="${px(at[1])}" x2="${px(drawn[0])}" y2="${px(drawn[1])}" stroke="${marker.color}" stroke-width="1"/>`,
          `<circle cx="${px(at[0])}" cy="${px(at[1])}" r="2" fill="${marker.color}" stroke="none"/>`,
        );
      }
    }
    out.push(
      `<path d="${shapePath(marker.shape, marker.size ?? 90)}" transform="translate(${px(drawn[0])} ${px(drawn[1])})" fill="${marker.color}"><title>${escapeXml(marker.label)}</title></path>`,
    );
  }
  out.push('</g>');
  if (leaders.length > 0) out.push('<g class="marker-leaders">', ...leaders, '</g>');
  renderMarkerLabels(out, panel.markers, x, y);
}

/** Visible labels beside markers, left to right, each at the first offset that clears the labels before it. */
function renderMarkerLabels(out: string[], markers: readonly SvgMarker[], x: ScaleContinuousNumeric<number, number>, y: ScaleContinuousNumeric<number, number>): void {
  const labelled = markers.filter((marker) => marker.text !== undefined);
  if (labelled.length === 0) return;
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

/**
 * One axis, horizontal (`x`, along the bottom) or vertical (`y`, along the left): its line, ticks,
 * gridlines, tick labels and title. `at(along, out)` places a point `along` the axis and `out` px
 * away from it on the label side, so both orientations share every line below.
 */
function renderAxis(out: string[], which: 'x' | 'y', scale: ScaleContinuousNumeric<number, number>, axis: SvgAxis, count: number, frame: Frame): void {
  const horizontal = which === 'x';
  const at = (along: number, away: number): string => {
    const [cx, cy] = horizontal ? [along, frame.bottom + away] : [frame.left - away, along];
    return `${px(cx)} ${px(cy)}`;
  };
  const segment = (from: string, to: string, stroke: string): string => {
    const [x1, y1] = from.split(' ');
    const [x2, y2] = to.split(' ');
    return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${stroke}"/>`;
  };
  const [start, end] = horizontal ? [frame.left, frame.right] : [frame.bottom, frame.top];
  const depth = horizontal ? frame.bottom - frame.top : frame.right - frame.left;
  out.push(`<g class="axis ${which}-axis" aria-hidden="true">`, segment(at(start, 0), at(end, 0), '#333333'));
  const ticks = scale.ticks(count);
  const label = tickLabeller(scale, axis, ticks, count);
  for (const tick of ticks) {
    const along = scale(tick);
    const name = label(tick);
    out.push(segment(at(along, 0), at(along, name ? 6 : 3), '#333333'));
    if (!name) continue;
    const [lx, ly] = (horizontal ? at(along, 20) : at(along + 4, 9)).split(' ');
    out.push(segment(at(along, 0), at(along, -depth), '#e5e5e5'), text(`x="${lx}" y="${ly}" text-anchor="${horizontal ? 'middle' : 'end'}"`, name));
  }
  const middle = (start + end) / 2;
  if (horizontal) out.push(text(`x="${px(middle)}" y="${px(frame.bottom + 42)}" text-anchor="middle"`, axis.title));
  else out.push(text(`x="18" y="${px(middle)}" text-anchor="middle" transform="rotate(-90 18 ${px(middle)})"`, axis.title));
  out.push('</g>');
}

/**
 * A log axis spans its data, widened at an end to the next decade when its labelled ticks stop more
 * than 0.6 decade short of it (a line reaching 7T with no label above 1T); a linear
 * one gets 4% of room either side, so markers at the extremes clear the frame, then round ends.
 */
function createScale(axis: SvgAxis, range: [number, number], count: number): ScaleContinuousNumeric<number, number> {
  if (axis.scale === 'log') {
    const scale = scaleLog().domain([...axis.domain]).range(range);
    const label = tickLabeller(scale, axis, scale.ticks(count), count);
    const labelled = scale.ticks(count).filter((tick) => label(tick) !== '');
    const [low, high] = axis.domain;
    const first = labelled[0];
    const last = labelled[labelled.length - 1];
    // Past the labelled ticks by more than 0.6 decade (a factor of 4): that end goes to its next decade.
    const reach = 0.6;
    const widenLow = first === undefined || Math.log10(first / low) > reach;
    const widenHigh = last === undefined || Math.log10(high / last) > reach;
    if (widenLow || widenHigh) {
      return scale.domain([widenLow ? 10 ** Math.floor(Math.log10(low)) : low, widenHigh ? 10 ** Math.ceil(Math.log10(high)) : high]);
    }
    return scale;
  }
  const [low, high] = axis.domain;
  const pad = (high - low || Math.abs(low) || 1) * 0.04;
  return scaleLinear().domain([low - pad, high + pad]).range(range).nice();
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
