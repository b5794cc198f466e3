import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

const REPORT_MAX_RSS = fileURLToPath(new URL('../../scripts/report-max-rss.cjs', import.meta.url));
const MAX_RSS_MB = 80;

interface Run {
  readonly code: number | null;
  readonly stderr: string;
  readonly lines: number;
  readonly last: string;
  readonly maxRssMb: number;
}

/**
 * Runs the built bin with `argv` and reads its stdout through a pipe, pausing `pauseMs` after every
 * chunk (a slow reader), or closing the pipe after the first chunk (`closeEarly`, like `| head -1`).
 */
function runThroughPipe(argv: readonly string[], options: { pauseMs?: number; closeEarly?: boolean }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', REPORT_MAX_RSS, BIN, ...argv], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let lines = 0;
    let tail = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.stdout.on('data', (chunk: Buffer) => {
      if (options.closeEarly) {
        child.stdout.destroy();
        return;
      }
      for (const byte of chunk) if (byte === 10) lines++;
      tail = (tail + chunk.toString('latin1')).slice(-4000);
      if (options.pauseMs) {
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), options.pauseMs);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const match = /max-rss-kb=(\d+)\n/.exec(stderr);
      resolve({
        code,
        stderr: stderr.replace(/max-rss-kb=\d+\n/, ''),
        lines,
        last: tail.trimEnd().split('\n').at(-1) ?? '',
        maxRssMb: match ? Number(match[1]) / 1024 : Number.NaN,
      });
    });
  });
}

describe('large outputs stream with back-pressure (built bin)', () => {
  it('a sweep through a slow pipe ends exit 0 with every row and peak memory under 80 MB', async () => {
    // 60,000 rows are about 47 MB of NDJSON. The reader takes a chunk (at most 64 kB) every 2 ms, a
    // few times slower than the sweep writes: without back-pressure the unread rows would queue in
    // the process (more than 80 MB of RSS with Node's own ~45 MB); with it, memory stays flat.
    const run = await runThroughPipe(['sweep', '--budget', '1e18flops..1e26flops', '--steps', '60000', '--format', 'ndjson'], { pauseMs: 2 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.lines).toBe(60_000);
    expect(JSON.parse(run.last).input.budget).toBe('1e26flops');
    expect(run.maxRssMb).toBeGreaterThan(10);
    expect(run.maxRssMb).toBeLessThan(MAX_RSS_MB);
  }, 60_000);

  it('a reader that closes early (| head -1) ends a million-row sweep with exit 0 and nothing on stderr', async () => {
    const run = await runThroughPipe(['sweep', '--budget', '1e18flops..1e26flops', '--steps', '1000000', '--format', 'ndjson'], { closeEarly: true });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  }, 60_000);
});
