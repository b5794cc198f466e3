import { describe, expect, it } from 'vitest';
import { streamStdout, writeLines, writeRows } from '../../src/cli/stream-output.js';

describe('writeRows', () => {
  it('writes every row once, in order, joined by the separator, in pieces that never overflow the buffer', async () => {
    const pieces: string[] = [];
    await writeRows(async (piece) => void pieces.push(String(piece)), 10, (index) => `row${index}`, ',', 30);
    // A row of n characters needs room for 3n bytes (UTF-8's worst case): 'row0' 12, ',rowN' 15.
    // By hand: 4+5+5+5 = 19 bytes, then 19+15 > 30 cuts; 5+5+5+5 = 20, then 20+15 > 30 cuts; 10 left.
    expect(pieces).toEqual(['row0,row1,row2,row3', ',row4,row5,row6,row7', ',row8,row9']);
  });

  it('keeps multi-byte characters whole across pieces', async () => {
    const chunks: Buffer[] = [];
    const row = (index: number): string => `${index}: 5.00B–500B tokens × 3\n`;
    await writeRows(async (piece) => void chunks.push(Buffer.from(typeof piece === 'string' ? Buffer.from(piece) : piece)), 50, row, '', 100);
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(100);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(Array.from({ length: 50 }, (_, index) => row(index)).join(''));
  });

  it('writes nothing for no rows, and a row larger than a piece on its own', async () => {
    const pieces: string[] = [];
    await writeRows(async (piece) => void pieces.push(String(piece)), 0, () => 'x');
    expect(pieces).toEqual([]);
    await writeRows(async (piece) => void pieces.push(String(piece)), 3, (index) => (index === 1 ? 'x'.repeat(100) : 'ab'), '', 30);
    expect(pieces).toEqual(['ab', 'x'.repeat(100), 'ab']);
  });

  it('makes no row while a piece is waiting for the reader (back-pressure)', async () => {
    let rendered = 0;
    let release: () => void = () => {};
    const renderedAtWrite: number[] = [];
    const done = writeRows(
      () => {
        renderedAtWrite.push(rendered);
        return new Promise<void>((resolve) => (release = resolve));
      },
      40,
      () => {
        rendered++;
        return 'abcd';
      },
      '',
      40,
    );
    // Rows of 4 need room for 12 bytes: after 8 rows (32 bytes) the 9th does not fit, so the first
    // piece is written once the 9th row is made, and nothing more is made until it is taken.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(renderedAtWrite).toEqual([9]);
    expect(rendered).toBe(9);
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(renderedAtWrite).toEqual([9, 17]);
    for (let piece = 0; piece < 5; piece++) {
      release();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await done;
    expect(rendered).toBe(40);
  });

  it('falls back to the plain stdout of an in-process run', async () => {
    let text = '';
    const write = streamStdout({ stdout: (piece) => void (text += piece) });
    await writeRows(write, 3, (index) => `${index} – ok\n`);
    expect(text).toBe('0 – ok\n1 – ok\n2 – ok\n');
  });
});

describe('writeLines', () => {
  it('ends every row with a newline, and keeps the newline in the piece of its row', async () => {
    const pieces: string[] = [];
    await writeLines(async (piece) => void pieces.push(String(piece)), 5, (index) => `row${index}`, 25);
    // 'rowN' + newline need room for 3·5 = 15 bytes of a 25-byte piece: by hand, after three lines
    // (15 bytes) the fourth needs 15 + 15 > 25, so the piece is cut there; 'row3' and 'row4' follow.
    expect(pieces).toEqual(['row0\nrow1\nrow2\n', 'row3\nrow4\n']);
  });

  it('writes the same bytes as the rows joined with newlines, multi-byte characters and a row larger than a piece included', async () => {
    const chunks: Buffer[] = [];
    const row = (index: number): string => (index === 7 ? `${'–'.repeat(60)}` : `{"n":${index},"note":"5.00B–500B tokens"}`);
    await writeLines(async (piece) => void chunks.push(typeof piece === 'string' ? Buffer.from(piece) : Buffer.from(piece)), 20, row, 120);
    for (const chunk of chunks) expect(chunk.length <= 120 || chunk.toString('utf8') === `${row(7)}\n`).toBe(true);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(Array.from({ length: 20 }, (_, index) => `${row(index)}\n`).join(''));
  });
});
