import { writeFileSync } from 'node:fs';
import { PlanError } from '../domain/errors.js';
import type { CliIo } from './io.js';

/**
 * Writes a text file the user named (`--svg plot.svg`), creating or replacing it. A failure is the
 * user's to fix (wrong directory, no permission), so it is an exit-2 error naming the file.
 */
export function writeTextOutput(path: string, text: string): void {
  try {
    writeFileSync(path, text, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such directory'
      : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : code === 'EISDIR' ? 'is a directory'
      : code === 'ENOTDIR' ? 'a part of the path is not a directory'
      : (error as Error).message;
    throw new PlanError('invalid-file', `cannot write ${path}: ${reason}`, 'give a path in a directory you can write to');
  }
}

/** Writes a figure to the file the user named and says so on stderr (stdout stays for results). */
export function writeFigure(path: string, svg: string, io: Pick<CliIo, 'stderr'>): void {
  writeTextOutput(path, svg);
  io.stderr(`llm-plan: wrote ${path} (${Buffer.byteLength(svg)} bytes)\n`);
}
