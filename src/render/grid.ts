/** Column indexes to right-align (numbers); the rest are left-aligned. */
export interface GridOptions {
  readonly alignRight?: readonly number[];
  /**
   * The width of the terminal. When the table is wider, header cells wider than their column's
   * values fold onto two lines (`tokens/param` → `tokens/` `param`), widest saving first, until it
   * fits or nothing is left to fold. Values are never cut.
   */
  readonly maxWidth?: number;
}

// Colour codes take no room on screen.
const ANSI_SGR = /\u001b\[[0-9;]*m/g;

function visibleWidth(text: string): number {
  return [...text.replace(ANSI_SGR, '')].length;
}

/**
 * A header row and body rows as borderless columns separated by two spaces (no trailing spaces,
 * no trailing newline): readable in a terminal, diff-able in a log. A cell may hold several lines.
 *
 * @example renderGrid(['rule', 'N'], [['deepmind', '2.74B']], { alignRight: [1] })
 * → 'rule          N\ndeepmind  2.74B'
 */
export function renderGrid(head: readonly string[], rows: ReadonlyArray<readonly string[]>, options: GridOptions = {}): string {
  const folded = options.maxWidth === undefined ? head : foldHead(head, rows, options.maxWidth);
  const table = [folded, ...rows].map((row) => head.map((_, column) => (row[column] ?? '').split('\n')));
  const widths = head.map((_, column) => Math.max(...table.map((row) => Math.max(...(row[column] ?? ['']).map(visibleWidth)))));
  const lines: string[] = [];
  for (const row of table) {
    const height = Math.max(...row.map((cell) => cell.length));
    for (let line = 0; line < height; line++) {
      const cells = row.map((cell, column) => {
        const text = cell[line] ?? '';
        const pad = ' '.repeat((widths[column] ?? 0) - visibleWidth(text));
        return options.alignRight?.includes(column) ? pad + text : text + pad;
      });
      lines.push(cells.join('  ').trimEnd());
    }
  }
  return lines.join('\n');
}

const gridWidth = (widths: readonly number[]): number => widths.reduce((sum, width) => sum + width, 0) + 2 * Math.max(0, widths.length - 1);

function cellWidth(cell: string): number {
  return Math.max(...cell.split('\n').map(visibleWidth));
}

/** Splits a header at the break (space, or after `/` or `(`-group) that leaves the shortest longer half. */
function foldCell(cell: string): string | undefined {
  // Styles wrap the whole cell (`ESC[1m…ESC[22m`): fold the text inside, then restyle each line.
  const match = /^((?:\u001b\[[0-9;]*m)*)(.*?)((?:\u001b\[[0-9;]*m)*)$/s.exec(cell);
  const [, open = '', text = '', close = ''] = match ?? [];
  if (text.includes('\n')) return undefined;
  let best: [string, string] | undefined;
  const chars = [...text];
  for (let index = 1; index < chars.length; index++) {
    const before = chars.slice(0, index).join('');
    const after = chars.slice(index).join('');
    let pair: [string, string] | undefined;
    if (chars[index] === ' ') pair = [before, after.slice(1)];
    else if (chars[index - 1] === '/' || chars[index - 1] === '-') pair = [before, after];
    if (!pair || pair[0] === '' || pair[1] === '') continue;
    if (!best || Math.max(...pair.map(visibleWidth)) < Math.max(...best.map(visibleWidth))) best = pair;
  }
  return best ? best.map((line) => open + line + close).join('\n') : undefined;
}

function foldHead(head: readonly string[], rows: ReadonlyArray<readonly string[]>, maxWidth: number): string[] {
  const result = [...head];
  const bodyWidth = head.map((_, column) => Math.max(0, ...rows.map((row) => cellWidth(row[column] ?? ''))));
  const widths = (): number[] => result.map((cell, column) => Math.max(cellWidth(cell), bodyWidth[column] ?? 0));
  while (gridWidth(widths()) > maxWidth) {
    let bestColumn = -1;
    let bestSaving = 0;
    let bestCell = '';
    result.forEach((cell, column) => {
      const fold = foldCell(cell);
      if (fold === undefined) return;
      const saving = Math.max(cellWidth(cell), bodyWidth[column] ?? 0) - Math.max(cellWidth(fold), bodyWidth[column] ?? 0);
      if (saving > bestSaving) [bestColumn, bestSaving, bestCell] = [column, saving, fold];
    });
    if (bestColumn < 0) break;
    result[bestColumn] = bestCell;
  }
  return result;
}
