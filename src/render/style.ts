import { Chalk } from 'chalk';

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

/** Wraps a chalk style so that extra arguments (index, array from `map`) are ignored. */
function unary(paint: (text: string) => string): (text: string) => string {
  return (text: string) => paint(String(text));
}

/** The style for a colour decision made once by the CLI (DESIGN §5). */
export function createStyle(color: boolean): Style {
  if (!color) return PLAIN_STYLE;
  const chalk = new Chalk({ level: 1 });
  return {
    bold: unary(chalk.bold),
    dim: unary(chalk.dim),
    accent: unary(chalk.cyan),
    warn: unary(chalk.yellow),
    series: [chalk.blue, chalk.red, chalk.green, chalk.magenta, chalk.yellow, chalk.cyan].map(unary),
  };
}
