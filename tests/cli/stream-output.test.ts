import { describe, expect, it } from 'vitest';
import { streamStdout, writeRows } from '../../src/cli/stream-output.js';

describe('writeRows', () => {
  it('writes every row once, in order, joined by the separator, in pieces of about the given size', async () => {
    const pieces: string[] = [];
    await writeRows(async (piece) => void pieces.push(piece), 10, (index) => `row${index}`, ',', 12);
    // Rows of 4–5 characters; a piece is cut once it reaches 12 characters.
    expect(pieces).toEqual(['row0,row1,row2', ',row3,row4,row5', ',row6,row7,row8', ',row9']);
    expect(pieces.join('')).toBe(Array.from({ length: 10 }, (_, index) => `row${index}`).join(','));
  });

  it('writes nothing for no rows and one piece for a row larger than a piece', async () => {
    const pieces: string[] = [];
    await writeRows(async (piece) => void pieces.push(piece), 0, () => 'x');
    expect(pieces).toEqual([]);
    await writeRows(async (piece) => void pieces.push(piece), 1, () => 'x'.repeat(100), '', 10);
    expect(pieces).toEqual(['x'.repeat(100)]);
  });

  it('makes no row while a piece is waiting for the reader (back-pressure)', async () => {
    let rendered = 0;
    let release: () => void = () => {};
    const renderedAtWrite: number[] = [];
    const done = writeRows(
      (piece) => {
        renderedAtWrite.push(rendered);
        expect(piece.length).toBeGreaterThan(0);
        return new Promise<void>((resolve) => (release = resolve));
      },
      100,
      () => {
        rendered++;
        return 'abcd';
      },
      '',
      40,
    );
    // 40 characters = 10 rows of 4: the first piece is written after 10 rows, then rendering stops.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(renderedAtWrite).toEqual([10]);
    expect(rendered).toBe(10);
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(renderedAtWrite).toEqual([10, 20]);
    for (let piece = 0; piece < 10; piece++) {
      release();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await done;
    expect(rendered).toBe(100);
  });

  it('falls back to the plain stdout of an in-process run', async () => {
    let text = '';
    const write = streamStdout({ stdout: (piece) => void (text += piece) });
    await writeRows(write, 3, (index) => `${index}\n`);
    expect(text).toBe('0\n1\n2\n');
  });
});
