// The styles without colour, in a module without chalk: colour off loads no chalk (issue 16).

/**
 * Text styles for human output. Without colour every style is the identity.
 *
 * Every style is unary: it reads its first argument only. Styles are handed to `Array.map`
 * (`head.map(style.bold)`), which also passes the index and the array; chalk joins all its arguments
 * with spaces, so a bare chalk function there turned a header cell into `rule 0 rule,parameters,…`.
 */
export interface Style {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly accent: (text: string) => string;
  readonly warn: (text: string) => string;
  /**
   * One colour per series of a plot (blue, red, green, magenta, yellow, cyan), in this order; a
   * plot takes `series[index % series.length]`. Glyphs tell series apart too, so plain is fine.
   */
  readonly series: readonly ((text: string) => string)[];
}

const plain = (text: string): string => text;
export const PLAIN_STYLE: Style = { bold: plain, dim: plain, accent: plain, warn: plain, series: [plain] };

/** The colour of series `index` in a style (the list repeats). */
export function seriesStyle(style: Style, index: number): (text: string) => string {
  return style.series[index % style.series.length] ?? plain;
}
