import { Chalk } from 'chalk';

/** Text styles for human output. Without colour every style is the identity. */
export interface Style {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly accent: (text: string) => string;
  readonly warn: (text: string) => string;
}

const plain = (text: string): string => text;
export const PLAIN_STYLE: Style = { bold: plain, dim: plain, accent: plain, warn: plain };

/** The style for a colour decision made once by the CLI (DESIGN §5). */
export function createStyle(color: boolean): Style {
  if (!color) return PLAIN_STYLE;
  const chalk = new Chalk({ level: 1 });
  return { bold: chalk.bold, dim: chalk.dim, accent: chalk.cyan, warn: chalk.yellow };
}
