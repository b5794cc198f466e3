import { describe, expect, it } from 'vitest';
import { matchesTranscript, readmeCommands, readmeTranscripts } from './readme-blocks.js';

const sample = [
  'Text',
  '```sh',
  'llm-plan gpus            # the presets',
  "echo '# not a comment' | llm-plan --input -",
  '',
  '```',
  '```console',
  '$ llm-plan a',
  'one',
  '…',
  'four',
  '',
  '$ llm-plan b',
  'x',
  '```',
].join('\n');

describe('README block reader', () => {
  it('reads sh commands without trailing comments, keeping # inside quotes', () => {
    expect(readmeCommands(sample)).toEqual([
      { command: 'llm-plan gpus', line: 3 },
      { command: "echo '# not a comment' | llm-plan --input -", line: 4 },
    ]);
  });

  it('reads console transcripts, one per $ line', () => {
    expect(readmeTranscripts(sample).map(({ command, output }) => [command, output])).toEqual([
      ['llm-plan a', ['one', '…', 'four']],
      ['llm-plan b', ['x']],
    ]);
  });

  it('… matches any run of lines, including none; everything else must be equal', () => {
    expect(matchesTranscript(['one', '…', 'four'], ['one', 'two', 'three', 'four'])).toBe(true);
    expect(matchesTranscript(['one', '…', 'four'], ['one', 'four'])).toBe(true);
    expect(matchesTranscript(['one', '…', 'four'], ['one', 'two', 'five'])).toBe(false);
    expect(matchesTranscript(['one'], ['one', 'two'])).toBe(false);
  });
});
