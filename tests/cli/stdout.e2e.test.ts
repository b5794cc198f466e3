import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

// How the bin writes (src/cli/main.ts, issue 16): straight to file descriptors 1 and 2, so a command
// does not build process.stdout (which loads Node's stream modules at every start); through the
// stream only for a terminal's width or a non-blocking pipe that is full. What must hold: no stream
// modules loaded for ordinary commands; every byte arrives through a slow pipe, a non-blocking pipe
// and a file; a reader that stops early ends the command quietly.

const PROBE = join(tmpdir(), `llm-plan-probe-${process.pid}.cjs`);
writeFileSync(
  PROBE,
  // Written with writeSync: process.stderr would itself load the streams being counted.
  "process.on('exit', () => require('node:fs').writeSync(2, 'modules=' + JSON.stringify(process.moduleLoadList.filter((name) => /stream|\\bnet\\b|tty/.test(name))) + '\\n'));\n",
);
const EMPTY = join(tmpdir(), `llm-plan-empty-${process.pid}.cjs`);
writeFileSync(EMPTY, '');

function modulesLoaded(argv: readonly string[]): string[] {
  const result = spawnSync(process.execPath, ['-r', PROBE, ...argv], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '' } });
  const match = /modules=(.*)\n/.exec(result.stderr);
  if (!match?.[1]) throw new Error(`probe failed (${result.status}): ${result.stderr}`);
  return JSON.parse(match[1]) as string[];
}

const run = (argv: readonly string[]) => spawnSync(process.execPath, [BIN, ...argv], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, maxBuffer: 64 * 1024 * 1024 });
const bash = (script: string) => spawnSync('bash', ['--norc', '--noprofile', '-c', script], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', BIN, NODE: process.execPath }, maxBuffer: 64 * 1024 * 1024 });
const hasPython = spawnSync('python3', ['-c', 'import os; os.set_blocking'], { stdio: 'ignore' }).status === 0;

describe('stdout and stderr of the built bin', () => {
  const bare = modulesLoaded([EMPTY]);

  it.each([
    [['--budget', '5000gpuh', '--gpu', 'v100', '--json']],
    [['--budget', '5000gpuh', '--gpu', 'v100']],
    [['--help']],
    [['--budget', 'lots']],
    [['check', 'tests/fixtures/check/pass.json']],
    [['sweep', '--budget', '1e21flops..1e23flops', '--steps', '3', '--format', 'ndjson']],
    [['schema', 'plan']],
  ])('%j loads no stream, net or tty module beyond what an empty script loads', (argv) => {
    expect(modulesLoaded([BIN, ...argv]).filter((name) => !bare.includes(name))).toEqual([]);
  });

  it('every byte arrives through a slow blocking pipe, exit 0', () => {
    const expected = run(['schema', 'plan']).stdout;
    expect(expected.length).toBeGreaterThan(65_536); // more than a pipe holds: the writer must wait
    const piped = bash('set -o pipefail; "$NODE" "$BIN" schema plan | (sleep 0.3; cat)');
    expect(piped.status).toBe(0);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toBe(expected);
  });

  it('a reader that stops early (| head -c 10) ends the command with exit 0 and nothing on stderr', () => {
    const piped = bash('"$NODE" "$BIN" schema plan | (head -c 10 >/dev/null; sleep 0.2); echo "status=${PIPESTATUS[0]}" >&2');
    expect(piped.stderr).toBe('status=0\n');
  });

  // A non-blocking pipe (a parent that set O_NONBLOCK on it) fails a write that does not fit with
  // EAGAIN: the rest must go through the stream, in order. Python makes such a pipe; Node and shells
  // hand children blocking ones.
  it.skipIf(!hasPython).each([
    [['schema', 'plan']],
    [['sweep', '--budget', '1e18flops..1e26flops', '--steps', '2000', '--format', 'ndjson']],
  ])('%j through a full non-blocking pipe: every byte, in order, exit 0', (argv) => {
    const expected = run(argv).stdout;
    const script = [
      'import os, subprocess, sys, time',
      'r, w = os.pipe()',
      'os.set_blocking(w, False)',
      'p = subprocess.Popen(sys.argv[1:], stdout=w, stderr=subprocess.PIPE)',
      'os.close(w)',
      'time.sleep(0.3)',
      'out = bytearray()',
      'while True:',
      '    chunk = os.read(r, 65536)',
      '    if not chunk: break',
      '    out += chunk',
      'err = p.stderr.read()',
      'sys.stdout.buffer.write(out)',
      'sys.stderr.buffer.write(err + b"status=%d" % p.wait())',
    ].join('\n');
    const result = spawnSync('python3', ['-c', script, process.execPath, BIN, ...argv], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(result.stderr).toBe('status=0');
    expect(result.stdout.length).toBe(expected.length);
    expect(result.stdout).toBe(expected);
  });
});
