/**
 * Colours of the SVG figures, apart from how they are laid out (svg-chart.ts): a categorical palette
 * for unordered series (rules) and a sequential ramp for ordered ones (compute budgets).
 */

/** Okabe & Ito's colour-blind-safe palette (Color Universal Design, 2008), yellow left out (too pale on white). */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;

/** The categorical colour of series `index` (the palette repeats past its end). */
export function categoricalColor(index: number): string {
  return PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length] ?? '#000000';
}

/**
 * Stops of viridis (van der Walt & Smith, matplotlib's default colour map), cut before its pale
 * yellow end so every colour stays visible on white: for ordered data such as compute buckets.
 */
const VIRIDIS_STOPS = ['#440154', '#3b528b', '#21918c', '#5ec962', '#aadc32'] as const;

function channels(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** The colour of position `index` among `count` ordered items, dark (first) to light (last), as `#rrggbb`. */
export function sequentialColor(index: number, count: number): string {
  const t = count <= 1 ? 0 : Math.min(1, Math.max(0, index / (count - 1)));
  const position = t * (VIRIDIS_STOPS.length - 1);
  const stop = Math.min(VIRIDIS_STOPS.length - 2, Math.floor(position));
  const from = channels(VIRIDIS_STOPS[stop] ?? '#000000');
  const to = channels(VIRIDIS_STOPS[stop + 1] ?? '#000000');
  const mix = position - stop;
  return `#${from.map((channel, i) => Math.round(channel + ((to[i] ?? 0) - channel) * mix).toString(16).padStart(2, '0')).join('')}`;
}
