import type { Style } from '../render/style.js';
import { decideColor } from './color.js';
import type { CliIo } from './io.js';

/** What every command gets: the I/O boundary, and how to report its exit code. */
export interface CommandContext {
  readonly io: CliIo;
  readonly setExitCode: (code: number) => void;
}

/** Options every command that prints takes. */
export interface OutputOptions {
  readonly json?: boolean;
  /** False with --no-color. */
  readonly color: boolean;
}

/**
 * The text style for human output. Loaded lazily so the JSON path never evaluates chalk
 * (DESIGN §6); the colour decision itself is made once, here, from flags, env and the TTY.
 */
export async function styleFor(io: CliIo, options: OutputOptions): Promise<Style> {
  const { createStyle } = await import('../render/style.js');
  return createStyle(decideColor(io, options.color));
}
