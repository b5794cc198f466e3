#!/usr/bin/env node
'use strict';
// Start-up is what users feel (DESIGN §6, issue 16). Compiling the bundle's JavaScript is a large
// share of it (8 ms of an 85 ms `--json` plan, before lazily compiled functions), so the build
// stores V8's compiled code for every file of dist/ (scripts/build-code-cache.mjs) and this loader
// hands it to V8. V8 accepts the cache only from the same V8 version and flags and for a source of
// the same length, and the loader uses it only when it is at least as new as the file it was made
// from; otherwise the file compiles as usual. Nothing here writes files, except when the build
// asks (LLM_PLAN_CODE_CACHE_OUT).
//   LLM_PLAN_CODE_CACHE=off     compile as usual (for comparison)
//   LLM_PLAN_CODE_CACHE=report  say on stderr, per file, whether V8 took its cache
const Module = require('node:module');
const { mkdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join, relative, sep } = require('node:path');

const mode = process.env.LLM_PLAN_CODE_CACHE;
const out = process.env.LLM_PLAN_CODE_CACHE_OUT;
if (mode !== 'off') {
  const { Script } = require('node:vm');
  const dist = join(__dirname, '..', 'dist');
  const cacheDir = join(dist, 'v8-cache');
  const compile = Module.prototype._compile;
  const made = [];
  Module.prototype._compile = function compileWithCache(content, filename, ...rest) {
    if (!filename.startsWith(dist + sep) || !filename.endsWith('.cjs')) return compile.call(this, content, filename, ...rest);
    const name = relative(dist, filename).split(sep).join('__');
    const cacheFile = join(out ?? cacheDir, `${name}.bin`);
    let cachedData;
    try {
      if (statSync(cacheFile).mtimeMs >= statSync(filename).mtimeMs) cachedData = readFileSync(cacheFile);
    } catch {
      // No cache for this file: compile as usual.
    }
    let script;
    try {
      // The same wrapper as Node's CommonJS loader; it adds no line, so line numbers in stack traces hold.
      script = new Script(`(function (exports, require, module, __filename, __dirname) { ${content}\n})`, { filename, cachedData });
    } catch {
      return compile.call(this, content, filename, ...rest);
    }
    if (mode === 'report') process.stderr.write(`code-cache: ${name} ${cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted'}\n`);
    if (out !== undefined) made.push({ cacheFile, script });
    const run = script.runInThisContext();
    return run.call(this.exports, this.exports, Module.createRequire(filename), this, filename, dirname(filename));
  };
  if (out !== undefined) {
    // V8 tags a cache with the flags it was made under, so the streaming commands' heap settings
    // (src/cli/main.ts) would make it useless to every other run: they are left out while writing.
    require('node:v8').setFlagsFromString = () => undefined;
    // After the command has run, so the functions it compiled lazily are in the cache too.
    process.on('exit', () => {
      mkdirSync(out, { recursive: true });
      for (const { cacheFile, script } of made) writeFileSync(cacheFile, script.createCachedData());
    });
  }
}
require('../dist/llm-plan.cjs');
