import { renderGrid } from './grid.js';
import type { Style } from './style.js';

/** One piece of a section: a line of text (may be styled), or a table of cells. */
export type SectionPart =
  | { readonly text: string }
  | {
      readonly head: readonly string[];
      readonly body: ReadonlyArray<readonly string[]>;
      readonly alignRight: readonly number[];
      /** Fold the header to the terminal's width (the cluster tables are built to fit 80 columns). */
      readonly fold?: boolean;
      /** Indented under the line before it (a range's variants), header dim rather than bold. */
      readonly indent?: number;
    };
/** A section (Time, Cost, …, Layouts): its parts in order. Every output format renders the same blocks. */
export type SectionBlock = readonly SectionPart[];

/** A section block as terminal text: tables as grids with bold headers. */
export function renderSectionBlock(block: SectionBlock, style: Style, width = Infinity): string {
  return block
    .map((part) => {
      if ('text' in part) return part.text;
      const indent = part.indent ?? 0;
      const head = part.head.map(indent > 0 ? style.dim : style.bold);
      const grid = renderGrid(head, part.body, { alignRight: part.alignRight, ...(part.fold === false ? {} : { maxWidth: width - indent }) });
      return indent > 0 ? grid.replace(/^/gm, ' '.repeat(indent)) : grid;
    })
    .join('\n');
}
