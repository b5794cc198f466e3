import type { CliIo } from './io.js';

/** Writes one piece of output; resolves when the reader can take the next (back-pressure). */
export type StreamWrite = (piece: string) => Promise<void>;

/**
 * Pieces of about this many characters: large enough that writing costs one system call per
 * hundred rows, small enough that a million-row output never holds more than one piece (a pipe's
 * buffer is 64 kB).
 */
export const PIECE_CHARS = 1 << 16;

/** The back-pressured stdout of `io`, or its plain `stdout` where it has none (in-process runs). */
export function streamStdout(io: Pick<CliIo, 'stdout' | 'writeStdout'>): StreamWrite {
  const { writeStdout, stdout } = io;
  if (writeStdout) return writeStdout;
  return (piece) => {
    stdout(piece);
    return Promise.resolve();
  };
}

/**
 * Writes `count` rows, `render(index)` each, joined by `separator`, in pieces of about
 * `pieceChars`, waiting for the reader after each piece: a slow reader slows the rows down instead
 * of letting them pile up in memory, and only one piece's rows exist at a time.
 */
export async function writeRows(
  write: StreamWrite,
  count: number,
  render: (index: number) => string,
  separator = '',
  pieceChars = PIECE_CHARS,
): Promise<void> {
  let parts: string[] = [];
  let size = 0;
  for (let index = 0; index < count; index++) {
    const row = index > 0 ? separator + render(index) : render(index);
    parts.push(row);
    size += row.length;
    if (size >= pieceChars) {
      const piece = parts.join('');
      parts = [];
      size = 0;
      await write(piece);
    }
  }
  if (parts.length > 0) await write(parts.join(''));
}
