/**
 * The first key that appears twice in one object of a JSON text, with the path of that object
 * (`$`, `$.configs[1]`), or undefined. JSON.parse keeps the last of duplicate keys silently, and
 * other readers keep the first; YAML refuses them. A user file with `"params"` twice is a mistake
 * whichever value was meant, so every JSON reader refuses it too.
 *
 * Call it on text JSON.parse has accepted: it scans without validating. Iterative (an explicit
 * stack), so a deeply nested file cannot overflow the call stack.
 *
 * @example findDuplicateKey('{"a":1,"b":{"c":2,"c":3}}') → { key: 'c', path: '$.b' }
 */
export function findDuplicateKey(text: string): { key: string; path: string } | undefined {
  // One frame per open object or array: the keys seen (objects), its label in the path, the item index (arrays).
  const stack: Array<{ keys: Set<string> | undefined; label: string; index: number }> = [];
  let expectKey = false;
  let pendingKey = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      const end = endOfString(text, i);
      const frame = stack[stack.length - 1];
      if (expectKey && frame?.keys) {
        // Decoded, so "a" and "\u0061" are the same key, as they are to JSON.parse.
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (frame.keys.has(key)) return { key, path: pathOf(stack) };
        frame.keys.add(key);
        pendingKey = key;
        expectKey = false;
      }
      i = end;
    } else if (char === '{' || char === '[') {
      const parent = stack[stack.length - 1];
      const label = parent === undefined ? '$' : parent.keys ? `.${pendingKey}` : `[${parent.index}]`;
      stack.push({ keys: char === '{' ? new Set() : undefined, label, index: 0 });
      expectKey = char === '{';
    } else if (char === '}' || char === ']') {
      stack.pop();
      expectKey = false;
    } else if (char === ',') {
      const frame = stack[stack.length - 1];
      if (frame?.keys) expectKey = true;
      else if (frame) frame.index++;
    }
  }
  return undefined;
}

function pathOf(stack: ReadonlyArray<{ label: string }>): string {
  return stack.map((frame) => frame.label).join('');
}

/** Index of the closing quote of the string that opens at `start`. */
function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}
