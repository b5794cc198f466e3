/** A minimal RFC 4180 reader (quoted fields, doubled quotes), independent of the renderer. */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') [field, index] = [`${field}"`, index + 1];
      else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') [row, field] = [[...row, field], ''];
    else if (character === '\r' && text[index + 1] === '\n') {
      rows.push([...row, field]);
      [row, field, index] = [[], '', index + 1];
    } else field += character;
  }
  return rows;
}
