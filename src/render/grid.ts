/** Column indexes to right-align (numbers); the rest are left-aligned. */
export interface GridOptions {
  readonly alignRight?: readonly number[];
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
  const table = [head, ...rows].map((row) => head.map((_, column) => (row[column] ?? '').split('\n')));
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
