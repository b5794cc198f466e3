import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { PlanError } from '../domain/errors.js';
import { findDuplicateKey } from '../core/json-duplicate-key.js';
import { describeJsonSyntaxError } from '../core/json-error.js';
import type { CliIo } from './io.js';

/** Largest user file or stdin we read: far above any real preset, run table or check file. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/**
 * Reads a user-supplied text file, or stdin for `-`, as strict UTF-8. Refuses what is not a
 * regular file (directory, FIFO, device), anything over `MAX_INPUT_BYTES`, and invalid UTF-8,
 * each with one clear error naming the file. The only way user files enter llm-plan.
 */
export async function readTextInput(path: string, io: CliIo, what = 'input'): Promise<{ name: string; text: string }> {
  if (path === '-') {
    if (!io.readStdin) throw new PlanError('invalid-file', `cannot read ${what} from stdin here`);
    const bytes = await io.readStdin(MAX_INPUT_BYTES);
    return { name: '-', text: decodeUtf8(bytes, 'stdin') };
  }
  let fd: number;
  try {
    // O_NONBLOCK so that opening a FIFO with no writer does not hang before we can see what it is.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw fileError(path, error);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      throw new PlanError('invalid-file', `${path}: not a regular file (${stat.isDirectory() ? 'a directory' : 'a pipe or device'})`, `give the path of a ${what} file, or - for stdin`);
    }
    if (stat.size > MAX_INPUT_BYTES) {
      throw new PlanError('invalid-file', `${path}: ${stat.size} bytes is over the ${MAX_INPUT_BYTES}-byte limit for ${what} files`);
    }
    const buffer = Buffer.alloc(stat.size);
    let offset = 0;
    while (offset < stat.size) {
      const read = readSync(fd, buffer, offset, stat.size - offset, offset);
      if (read === 0) break;
      offset += read;
    }
    return { name: path, text: decodeUtf8(buffer.subarray(0, offset), path) };
  } finally {
    closeSync(fd);
  }
}

function decodeUtf8(bytes: Uint8Array, name: string): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new PlanError('invalid-file', `${name}: not valid UTF-8 text`);
  }
}

function fileError(path: string, error: unknown): PlanError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT' ? 'no such file'
    : code === 'EACCES' ? 'permission denied'
    : code === 'ELOOP' ? 'too many levels of symbolic links'
    : code === 'EISDIR' ? 'is a directory'
    : (error as Error).message;
  return new PlanError('invalid-file', `${path}: ${reason}`);
}

/**
 * Parses JSON from a user file with errors that name the file. Keys such as `__proto__` become
 * plain own properties (JSON.parse never assigns prototypes), a nesting too deep for the parser
 * is an invalid file, not a crash, and so are an empty file and a key given twice in one object.
 */
export function parseJsonInput(text: string, name: string): unknown {
  if (text.trim() === '') throw new PlanError('invalid-file', `${name}: empty file, expected JSON`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    if (error instanceof RangeError) throw new PlanError('invalid-file', `${name}: nested too deeply to read`);
    throw new PlanError('invalid-file', `${name}: not valid JSON (${describeJsonSyntaxError(error)})`);
  }
  refuseDuplicateKeys(text, name);
  return data;
}

/** A key twice in one object is an error naming it: JSON.parse would keep the last silently. */
export function refuseDuplicateKeys(text: string, name: string): void {
  const duplicate = findDuplicateKey(text);
  if (duplicate) {
    const where = duplicate.path === '$' ? '' : ` in ${duplicate.path.replace(/^\$\.?/, '')}`;
    throw new PlanError('invalid-file', `${name}: key '${duplicate.key}' appears twice${where}`, 'give each key once; which of the two values was meant is not clear');
  }
}
