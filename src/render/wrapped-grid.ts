/**
 * Like `renderGrid`, but wraps cells to fixed column widths (the accelerator table on a terminal,
 * the loss models of `llm-plan rules`): borderless columns two spaces apart, no trailing spaces.
 *
 * It lays out exactly as cli-table3 did with word wrapping on word boundaries (tests/render/grid.test.ts
 * compares the two): a column of fixed width wraps its cells greedily at whitespace, a word longer
 * than the column gets a line of its own and is cut to the width with `…`; a column without a
 * width is as wide as its widest cell (at least 1). Without cli-table3, `gpus` and `rules` load none
 * of its dependencies (issue 16). One difference, with colour only: a styled cell that wraps is
 * styled again on each of its lines, where cli-table3 left its colour running into the cells beside it.
 */
export interface WrappedGridOptions {
  /** Column indexes to right-align (numbers). */
  readonly alignRight?: readonly number[];
  /** Fixed widths per column (undefined = fit), with word wrapping. */
  readonly widths: ReadonlyArray<number | undefined>;
}

const ANSI_SGR = /\u001b\[[0-9;]*m/g;

const visibleWidth = (text: string): number => [...text.replace(ANSI_SGR, '')].length;

/** A cell as its leading colour codes, its text and its trailing codes (a whole-cell style). */
function unstyle(cell: string): { open: string; text: string; close: string } {
  const [, open = '', text = '', close = ''] = /^((?:\u001b\[[0-9;]*m)*)(.*?)((?:\u001b\[[0-9;]*m)*)$/s.exec(cell) ?? [];
  return { open, text, close };
}

/** Greedy word wrap at whitespace (kept as written between the words of a line). */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const parts = paragraph.split(/(\s+)/);
    let line = '';
    let lineWidth = 0;
    let space = '';
    for (let index = 0; index < parts.length; index += 2) {
      const word = parts[index] ?? '';
      const joined = lineWidth + visibleWidth(word) + (lineWidth > 0 ? space.length : 0);
      if (joined > width) {
        if (lineWidth !== 0) lines.push(line);
        line = word;
        lineWidth = visibleWidth(word);
      } else {
        line += space + word;
        lineWidth = joined;
      }
      space = parts[index + 1] ?? '';
    }
    if (lineWidth > 0) lines.push(line);
  }
  return lines;
}

/** A line cut to `width` columns, ending in `…` when it was longer. */
function cut(line: string, width: number): string {
  const chars = [...line];
  return chars.length <= width ? line : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

export function renderWrappedGrid(head: readonly string[], rows: ReadonlyArray<readonly string[]>, options: WrappedGridOptions): string {
  const table = [head, ...rows];
  const widths = head.map(
    (_, column) =>
      options.widths[column] ?? Math.max(1, ...table.map((row) => Math.max(...(row[column] ?? '').split('\n').map(visibleWidth)))),
  );
  const lines: string[] = [];
  for (const row of table) {
    // Each cell's lines, styled as the cell is: wrapped and cut as plain text, then restyled.
    const cells = head.map((_, column) => {
      const cell = row[column] ?? '';
      const width = widths[column] ?? 1;
      if (options.widths[column] === undefined) return cell.split('\n');
      const { open, text, close } = unstyle(cell);
      return wrapWords(text, width).map((line) => `${open}${cut(line, width)}${close}`);
    });
    const height = Math.max(1, ...cells.map((cell) => cell.length));
    for (let index = 0; index < height; index++) {
      const drawn = cells.map((cell, column) => {
        const text = cell[index] ?? '';
        const pad = ' '.repeat(Math.max(0, (widths[column] ?? 0) - visibleWidth(text)));
        return options.alignRight?.includes(column) ? pad + text : text + pad;
      });
      lines.push(drawn.join('  ').trimEnd());
    }
  }
  return lines.join('\n');
}
