/**
 * Word wrapping for human output on a terminal of `width` columns. Text is wrapped before it is
 * styled (styles wrap each finished line), so widths count characters a person sees.
 */

/** Visible width: code points (this CLI prints no double-width characters). */
export function textWidth(text: string): number {
  return [...text].length;
}

/**
 * Greedy word wrap: lines of at most `width` code points, broken at spaces; a word longer than a
 * line (a URL) is cut into pieces so nothing runs past the edge. `width` ≤ 0 or Infinity: one line.
 */
export function wrapText(text: string, width: number): string[] {
  if (!Number.isFinite(width) || width <= 0 || textWidth(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    let rest = word;
    while (textWidth(rest) > width) {
      // A word wider than the line: fill the current line, then cut.
      const room = line === '' ? width : width - textWidth(line) - 1;
      if (room <= 0) {
        lines.push(line);
        line = '';
        continue;
      }
      const chars = [...rest];
      line = line === '' ? chars.slice(0, room).join('') : `${line} ${chars.slice(0, room).join('')}`;
      lines.push(line);
      line = '';
      rest = chars.slice(room).join('');
    }
    if (line === '') line = rest;
    else if (textWidth(line) + 1 + textWidth(rest) <= width) line = `${line} ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  lines.push(line);
  return lines;
}

/**
 * A paragraph with a hanging indent: `first` starts the first line (`* `, `hint: `), later lines are
 * indented by its width. `* a long note` → `* a long`, `  note`.
 */
export function wrapHanging(first: string, text: string, width: number): string[] {
  const indent = ' '.repeat(textWidth(first));
  return wrapText(text, width - textWidth(first)).map((line, index) => (index === 0 ? first : indent) + line);
}

/** Notes as wrapped bullet points, each line styled by `paint`. */
export function renderNotes(notes: readonly string[], width: number, paint: (text: string) => string): string[] {
  return notes.flatMap((note) => wrapHanging('* ', note, width).map(paint));
}

/**
 * Parts joined by `separator`, broken into lines of at most `width` between parts (a part is never
 * cut); continuation lines start with the separator's text, indented. Parts may carry styles.
 */
export function wrapJoined(parts: readonly string[], separator: string, width: number): string[] {
  const visible = (text: string): number => [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    if (line === '') line = part;
    else if (visible(line) + visible(separator) + visible(part) <= width) line += separator + part;
    else {
      lines.push(line);
      line = `  ${separator.trimStart()}${part}`;
    }
  }
  lines.push(line);
  return lines;
}
