import type { Command } from 'commander';
import { PLAIN_STYLE, type Style } from '../render/plain-style.js';
import { decideColor } from './color.js';
import type { CliIo } from './io.js';

/** What every command gets: the I/O boundary, and how to report its exit code. */
export interface CommandContext {
  readonly io: CliIo;
  readonly setExitCode: (code: number) => void;
  /** The program with every command registered (what `completion` reads when not precomputed). */
  readonly loadFullProgram: () => Promise<Command>;
}

/** Options every command that prints takes. */
export interface OutputOptions {
  readonly json?: boolean;
  /** False with --no-color. */
  readonly color: boolean;
}

/**
 * The width human output is laid out for (issue 11): the terminal's, else a positive `COLUMNS`,
 * else 80. Tables fold their headers and notes wrap to it; `--wide` lists may ignore it.
 */
export function widthFor(io: Pick<CliIo, 'columns' | 'env'>): number {
  // `columns` is only known when stdout is a terminal (main.ts reads it from the TTY).
  if (io.columns !== undefined && io.columns > 0) return io.columns;
  const columns = Number(io.env.COLUMNS);
  if (Number.isInteger(columns) && columns > 0) return columns;
  return 80;
}

/**
 * The text style for human output. Loaded lazily so the JSON path never evaluates chalk
 * (DESIGN §6); the colour decision itself is made once, here, from flags, env and the TTY.
 */
export async function styleFor(io: CliIo, options: OutputOptions): Promise<Style> {
  // Without colour, chalk is not loaded at all (the plain style is a few bytes of the start-up file).
  if (!decideColor(io, options.color)) return PLAIN_STYLE;
  const { createStyle } = await import('../render/style.js');
  return createStyle(true);
}
