import { Chalk } from 'chalk';
import { PLAIN_STYLE, type Style } from './plain-style.js';

// The coloured styles (chalk). The plain ones and the Style type live in ./plain-style.ts, which
// the CLI loads alone when colour is off.
export { PLAIN_STYLE, type Style } from './plain-style.js';

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
