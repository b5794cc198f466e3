import type { SourceLocation } from '../domain/schemas/check.js';

/**
 * Where values are in a JSON or YAML text, as offsets: enough of the tree (a few levels) to point
 * at a config and its fields. Built from the YAML parser's nodes, or by `locateJson` for JSON
 * without loading the YAML parser (DESIGN §6).
 */
export interface LocatedNode {
  readonly start: number;
  /** Offset just past the value. */
  readonly end: number;
  readonly items?: readonly LocatedNode[];
  readonly entries?: ReadonlyArray<{ readonly key: string; readonly keyStart: number; readonly keyEnd: number; readonly value: LocatedNode }>;
}

/** How deep `locateJson` keeps children: root → configs → config → field. */
const KEPT_DEPTH = 3;

/**
 * The located tree of a JSON text that JSON.parse accepted (so it is well-formed); children are
 * kept to `KEPT_DEPTH` levels and deeper values only skipped.
 */
export function locateJson(text: string): LocatedNode {
  let index = 0;
  const skipSpace = (): void => {
    while (index < text.length && ' \t\n\r'.includes(text.charAt(index))) index += 1;
  };
  const skipString = (): void => {
    index += 1; // opening quote
    while (index < text.length && text.charAt(index) !== '"') index += text.charAt(index) === '\\' ? 2 : 1;
    index += 1; // closing quote
  };
  const value = (depth: number): LocatedNode => {
    skipSpace();
    const start = index;
    const opening = text.charAt(index);
    if (opening === '"') {
      skipString();
      return { start, end: index };
    }
    if (opening !== '{' && opening !== '[') {
      while (index < text.length && !',]} \t\n\r'.includes(text.charAt(index))) index += 1;
      return { start, end: index };
    }
    const keep = depth < KEPT_DEPTH;
    const items: LocatedNode[] = [];
    const entries: Array<{ key: string; keyStart: number; keyEnd: number; value: LocatedNode }> = [];
    index += 1;
    skipSpace();
    const closing = opening === '{' ? '}' : ']';
    while (index < text.length && text.charAt(index) !== closing) {
      if (opening === '{') {
        skipSpace();
        const keyStart = index;
        skipString();
        const keyEnd = index;
        skipSpace();
        index += 1; // colon
        const child = value(depth + 1);
        if (keep) entries.push({ key: JSON.parse(text.slice(keyStart, keyEnd)) as string, keyStart, keyEnd, value: child });
      } else {
        const child = value(depth + 1);
        if (keep) items.push(child);
      }
      skipSpace();
      if (text.charAt(index) === ',') index += 1;
      skipSpace();
    }
    index += 1;
    return opening === '{' ? { start, end: index, entries } : { start, end: index, items };
  };
  return value(0);
}

/** Offsets to 1-based lines and columns. */
export class Locator {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) this.lineStarts.push(index + 1);
  }

  private position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (this.lineStarts[low] ?? 0) + 1 };
  }

  /** The span [start, end) as a location, trailing whitespace left out. */
  span(start: number, end: number): SourceLocation {
    let last = Math.max(start + 1, end);
    while (last > start + 1 && /\s/.test(this.text.charAt(last - 1))) last -= 1;
    const from = this.position(start);
    const to = this.position(last - 1);
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }

  node(node: LocatedNode | null | undefined): SourceLocation | null {
    return node ? this.span(node.start, node.end) : null;
  }

  /** A point: a syntax error's line and column (1-based). */
  point(line: number, column: number): SourceLocation {
    return { line, column, endLine: line, endColumn: column };
  }

  offset(offset: number): SourceLocation {
    const at = Math.min(Math.max(0, offset), Math.max(0, this.text.length - 1));
    return this.span(at, at + 1);
  }
}
