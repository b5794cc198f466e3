import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanError } from '../../src/domain/errors.js';
import type { CliIo } from '../../src/cli/io.js';
import { MAX_INPUT_BYTES, parseJsonInput, readTextInput } from '../../src/cli/read-input.js';

const dir = mkdtempSync(join(tmpdir(), 'llm-plan-read-'));
const io = (stdin?: string): CliIo => ({
  stdout: () => {},
  stderr: () => {},
  env: {},
  isTTY: false,
  ...(stdin === undefined ? {} : { readStdin: async () => new TextEncoder().encode(stdin) }),
});

async function readError(path: string): Promise<string> {
  try {
    await readTextInput(path, io());
  } catch (error) {
    expect(error).toBeInstanceOf(PlanError);
    expect((error as PlanError).code).toBe('invalid-file');
    return (error as PlanError).message;
  }
  throw new Error(`reading ${path} did not fail`);
}

describe('readTextInput: the one way user files come in', () => {
  it('reads a UTF-8 file, dropping a byte-order mark', async () => {
    const file = join(dir, 'ok.json');
    writeFileSync(file, '\ufeff{"a":"é"}');
    expect(await readTextInput(file, io())).toEqual({ name: file, text: '{"a":"é"}' });
  });

  it('reads stdin for -', async () => {
    expect(await readTextInput('-', io('{"x":1}'))).toEqual({ name: '-', text: '{"x":1}' });
  });

  it('refuses a directory, a FIFO, a missing file and a symlink loop, naming each', async () => {
    expect(await readError(dir)).toMatch(/not a regular file \(a directory\)/);
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(await readError(fifo)).toMatch(/not a regular file \(a pipe or device\)/);
    expect(await readError(join(dir, 'nope.json'))).toMatch(/no such file/);
    symlinkSync(join(dir, 'loop-b'), join(dir, 'loop-a'));
    symlinkSync(join(dir, 'loop-a'), join(dir, 'loop-b'));
    expect(await readError(join(dir, 'loop-a'))).toMatch(/too many levels of symbolic links/);
  });

  it('refuses invalid UTF-8 and files over the size cap', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    expect(await readError(bad)).toMatch(/not valid UTF-8/);
    const big = join(dir, 'big.json');
    writeFileSync(big, Buffer.alloc(MAX_INPUT_BYTES + 1, 0x20));
    expect(await readError(big)).toMatch(/over the .*-byte limit/);
  });
});

describe('parseJsonInput', () => {
  it('names the file on a syntax error', () => {
    expect(() => parseJsonInput('{"a":', 'x.json')).toThrow(/^x\.json: not valid JSON/);
  });

  it('does not pollute prototypes with __proto__ or constructor keys', () => {
    const parsed = parseJsonInput('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}', 'p.json') as Record<string, unknown>;
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });

  it('turns absurd nesting into an invalid-file error or a value, never a crash', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    let outcome: string;
    try {
      parseJsonInput(deep, 'deep.json');
      outcome = 'parsed';
    } catch (error) {
      expect(error).toBeInstanceOf(PlanError);
      outcome = (error as PlanError).message;
    }
    expect(outcome).toMatch(/^(parsed|deep\.json: nested too deeply to read)$/);
  });
});
