// Preloaded with `node -r` into the built bin: at exit, prints on stderr one line
// `loaded=<JSON>` with the files under dist/ the process loaded (require.cache: the CLI is
// CommonJS throughout) and whether anything went through Node's ESM loader (a module job ran).
const { sep } = require('node:path');
process.on('exit', () => {
  const dist = `${sep}dist${sep}`;
  const files = Object.keys(require.cache)
    .filter((file) => file.includes(dist))
    .map((file) => file.slice(file.lastIndexOf(dist) + dist.length).split(sep).join('/'));
  const esm = process.moduleLoadList.some((name) => name.includes('internal/modules/esm/module_job'));
  process.stderr.write(`loaded=${JSON.stringify({ files, esm })}\n`);
});
