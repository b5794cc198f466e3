/**
 * The commands and console transcripts of README.md, read from its fenced blocks, so a section
 * added later is picked up without touching the test.
 *
 * - ```sh blocks: every line that is not blank or a comment is one command; a trailing `# …`
 *   comment is dropped (the shell would ignore it too).
 * - ```console blocks: `$ command` lines, each followed by its output up to the next `$` line; a
 *   line that is exactly `…` stands for any number of output lines.
 */
export interface ReadmeCommand {
  readonly command: string;
  /** 1-based line of README.md, for messages. */
  readonly line: number;
}

export interface Transcript extends ReadmeCommand {
  readonly output: readonly string[];
}

interface Block {
  readonly lang: string;
  readonly start: number;
  readonly lines: readonly string[];
}

function blocks(readme: string): Block[] {
  const lines = readme.split('\n');
  const found: Block[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = /^```(\w*)\s*$/.exec(lines[index] ?? '');
    if (!open) continue;
    const start = index + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end] ?? '')) end++;
    found.push({ lang: open[1] ?? '', start: start + 1, lines: lines.slice(start, end) });
    index = end;
  }
  return found;
}

/** Drops a trailing shell comment (` # …` outside quotes). */
function stripComment(line: string): string {
  let quote: string | undefined;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '#' && (index === 0 || /\s/.test(line[index - 1] ?? ''))) return line.slice(0, index).trimEnd();
  }
  return line.trimEnd();
}

export function readmeCommands(readme: string): ReadmeCommand[] {
  return blocks(readme)
    .filter((block) => block.lang === 'sh')
    .flatMap((block) =>
      block.lines
        .map((text, offset) => ({ command: stripComment(text).trim(), line: block.start + offset }))
        .filter(({ command }) => command !== ''),
    );
}

export function readmeTranscripts(readme: string): Transcript[] {
  const transcripts: Transcript[] = [];
  for (const block of blocks(readme).filter((entry) => entry.lang === 'console')) {
    let current: { command: string; line: number; output: string[] } | undefined;
    block.lines.forEach((text, offset) => {
      if (text.startsWith('$ ')) {
        if (current) transcripts.push(current);
        current = { command: text.slice(2), line: block.start + offset, output: [] };
      } else current?.output.push(text);
    });
    if (current) transcripts.push(current);
  }
  // A blank line separates one transcript from the next; it is not output.
  return transcripts.map((entry) => {
    const output = [...entry.output];
    while (output.length > 0 && output[output.length - 1] === '') output.pop();
    return { ...entry, output };
  });
}

/** Whether `actual` lines match `expected`, where a `…` line matches any run of lines (also none). */
export function matchesTranscript(expected: readonly string[], actual: readonly string[]): boolean {
  const match = (e: number, a: number): boolean => {
    if (e === expected.length) return a === actual.length;
    if (expected[e] === '…') {
      for (let skip = a; skip <= actual.length; skip++) if (match(e + 1, skip)) return true;
      return false;
    }
    return a < actual.length && expected[e] === actual[a] && match(e + 1, a + 1);
  };
  return match(0, 0);
}
