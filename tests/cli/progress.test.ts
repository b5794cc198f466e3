import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { createProgressBar, withProgressBar } from '../../src/cli/progress.js';

function captureIo(stderrIsTTY: boolean): { io: CliIo; stderr: () => string } {
  let stderr = '';
  const io: CliIo = { stdout: () => {}, stderr: (text) => void (stderr += text), env: {}, isTTY: false, stderrIsTTY };
  return { io, stderr: () => stderr };
}

describe('progress bar', () => {
  it('redraws only when the whole percentage changes, and clears its line', () => {
    const { io, stderr } = captureIo(true);
    const bar = createProgressBar(io, 'fit');
    for (let done = 1; done <= 1000; done++) bar.update(done, 1000);
    bar.finish();
    // 0.1% steps: one draw per percent from 0% to 100%.
    expect(stderr().split('\r').filter((line) => line.startsWith('fit ['))).toHaveLength(101);
    expect(stderr()).toContain('\rfit [##############################] 100% 1000/1000');
    expect(stderr().endsWith('\r\u001b[2K')).toBe(true);
  });

  it('writes nothing when stderr is not a terminal', () => {
    const { io, stderr } = captureIo(false);
    withProgressBar(io, 'fit', (update) => update(1, 2));
    expect(stderr()).toBe('');
  });

  it('clears the bar when the work throws, so the error starts on a clean line', () => {
    const { io, stderr } = captureIo(true);
    expect(() =>
      withProgressBar(io, 'fit', (update) => {
        update(1, 2);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(stderr().endsWith('\r\u001b[2K')).toBe(true);
  });
});
