// Preloaded with `node -r` into the bin (tests/cli/back-pressure.e2e.test.ts, npm run bench): prints the process's peak resident set size on
// stderr at exit, as `max-rss-kb=N` (the kernel's figure, via process.resourceUsage()).
process.on('exit', () => {
  process.stderr.write(`max-rss-kb=${process.resourceUsage().maxRSS}\n`);
});
