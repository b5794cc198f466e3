// Runs the bin given in argv with this process's stdout inherited, after this process has made its
// own stdout stream. For a pipe, Node (libuv) then puts the pipe in non-blocking mode, and the child
// inherits a non-blocking stdout: a write to a full pipe fails with EAGAIN instead of waiting.
const { spawnSync } = require('node:child_process');
const { fstatSync } = require('node:fs');

process.stdout.write('');
const stat = fstatSync(1);
process.stderr.write(`parent-stdout-fifo=${stat.isFIFO()}\n`);
const result = spawnSync(process.execPath, process.argv.slice(2), { stdio: 'inherit' });
process.exitCode = result.status ?? 70;
