import { describe, expect, it } from 'vitest';
import { renderGrid } from '../../src/render/grid.js';
import { renderNotes, wrapJoined, wrapText } from '../../src/render/wrap.js';

describe('wrapping for the terminal width (issue 11)', () => {
  it('wraps at spaces, never past the width, and cuts a word longer than a line', () => {
    expect(wrapText('the quick brown fox jumps', 10)).toEqual(['the quick', 'brown fox', 'jumps']);
    expect(wrapText('abcdefghijklmnop', 6)).toEqual(['abcdef', 'ghijkl', 'mnop']);
    expect(wrapText('short', Infinity)).toEqual(['short']);
  });

  it('notes get a hanging indent under their bullet', () => {
    expect(renderNotes(['Loss is a prediction on the paper data.'], 20, (text) => text)).toEqual(['* Loss is a', '  prediction on the', '  paper data.']);
  });

  it('joined parts break between parts only, continuation lines start with the separator', () => {
    expect(wrapJoined(['Memory per GPU', 'ZeRO-0 over 256 GPUs', 'bf16 adamw'], ' · ', 40)).toEqual(['Memory per GPU · ZeRO-0 over 256 GPUs', '  · bf16 adamw']);
  });

  it('a grid wider than maxWidth folds the header whose fold saves most; values are never cut', () => {
    // Widths without folding: 8 + 2 + 12 + 2 + 9 = 33 > 30; "tokens/param" (12) folds to "tokens/" (7) over values of 4.
    const grid = renderGrid(['rule', 'tokens/param', 'est. loss'], [['deepmind', '20.0', '2.346']], { alignRight: [1], maxWidth: 30 });
    expect(grid.split('\n')).toEqual(['rule      tokens/  est. loss', '            param', 'deepmind     20.0  2.346']);
  });
});
