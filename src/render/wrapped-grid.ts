import Table from 'cli-table3';

/** Borderless columns separated by two spaces, as `renderGrid` draws them. */
const BORDERLESS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '',
  right: '', 'right-mid': '', middle: '  ',
};

export interface WrappedGridOptions {
  /** Column indexes to right-align (numbers). */
  readonly alignRight?: readonly number[];
  /** Fixed widths per column (undefined = fit), with word wrapping. */
  readonly widths: ReadonlyArray<number | undefined>;
}

/**
 * Like `renderGrid`, but wraps cells to fixed column widths (the accelerator table on a terminal).
 * Wrapping is what cli-table3 is for; plain grids do without it, which keeps it off the plan path.
 */
export function renderWrappedGrid(head: readonly string[], rows: ReadonlyArray<readonly string[]>, options: WrappedGridOptions): string {
  const align = head.map((_, index) => (options.alignRight?.includes(index) ? 'right' : 'left') as 'left' | 'right');
  const table = new Table({
    head: [...head],
    chars: BORDERLESS,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
    colAligns: align,
    // Long words (URLs) are broken rather than truncated: a source must stay readable in full.
    colWidths: options.widths.map((width) => width ?? null),
    wordWrap: true,
    wrapOnWordBoundary: true,
  });
  for (const row of rows) table.push([...row]);
  // cli-table3 pads every line to the full width; trailing spaces only get in the way.
  return table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}
