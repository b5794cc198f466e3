import type { CliIo } from './io.js';

export interface ProgressBar {
  readonly update: (done: number, total: number) => void;
  /** Clears the bar so the next line of stderr starts clean. */
  readonly finish: () => void;
}

const WIDTH = 30;
const SILENT: ProgressBar = { update: () => {}, finish: () => {} };

/**
 * A one-line progress bar on stderr, redrawn in place with `\r`. Only on a terminal: in a pipe
 * or a CI log the redraws would be noise, so there it does nothing (clig.dev).
 */
export function createProgressBar(io: CliIo, label: string): ProgressBar {
  if (!io.stderrIsTTY) return SILENT;
  let shownPercent = -1;
  let drawn = false;
  return {
    update(done, total) {
      const percent = Math.floor((100 * done) / Math.max(total, 1));
      if (percent === shownPercent) return;
      shownPercent = percent;
      drawn = true;
      const filled = Math.round((WIDTH * percent) / 100);
      io.stderr(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(percent).padStart(3)}% ${done}/${total}`);
    },
    finish() {
      if (drawn) io.stderr('\r\u001b[2K');
      drawn = false;
      shownPercent = -1;
    },
  };
}

/** Runs `work` with a progress bar that is cleared afterwards, also when `work` throws. */
export function withProgressBar<T>(io: CliIo, label: string, work: (update: ProgressBar['update']) => T): T {
  const bar = createProgressBar(io, label);
  try {
    return work(bar.update);
  } finally {
    bar.finish();
  }
}
