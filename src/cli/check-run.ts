import { appendFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkConfig, createCheckDocument, type InvalidCheckFile } from '../core/check.js';
import { PlanError } from '../domain/errors.js';
import type { PresetCatalog } from '../presets/catalog.js';
import type { CheckDocument, CheckResult } from '../domain/schemas/check.js';
import { CheckConfigError, needsCheckClusterModel, resolveCheckTarget } from '../request/check-config.js';
import type { ClusterModel } from '../request/cluster-model.js';
import type { CheckTarget } from '../core/check.js';
import { CheckFileError, locationOf, readCheckFile, type ConfigEntry } from './check-read.js';
import { describeError } from './exit-code.js';
import type { CliIo } from './io.js';

/** The files a directory argument stands for: its check files, by name, not its subdirectories. */
const CHECK_FILE = /\.(ya?ml|json)$/i;

/**
 * Checks every file named (a directory: its `*.yaml`, `*.yml` and `*.json`), each on its own: an
 * invalid file is listed with its error and location and the others are still checked. Returns
 * the one report for all of them, and the error (first invalid file, and how many more) for stderr.
 */
export async function runCheck(paths: readonly string[], io: CliIo, catalog: PresetCatalog): Promise<{ report: CheckDocument; errors: string }> {
  const files: string[] = [];
  const results: CheckResult[] = [];
  const invalid: InvalidCheckFile[] = [];
  let clusterModel: ClusterModel | undefined;
  const refuse = (file: string, error: unknown): void => {
    // A bug is not an invalid file: it ends the command with exit 70 as everywhere else.
    if (!(error instanceof PlanError) || error.code === 'internal') throw error;
    invalid.push({ file, message: error.message, hint: error.hint ?? null, location: locationOf(error) });
  };
  for (const path of expandPaths(paths, refuse)) {
    files.push(path);
    try {
      const content = await readCheckFile(path, io);
      // The layout search and memory model load only for a file with a config on a cluster (gpu and gpus).
      clusterModel ??= content.entries.some((entry) => needsCheckClusterModel(entry.raw)) ? (await import('../request/cluster-model.js')).CLUSTER_MODEL : undefined;
      const model = clusterModel;
      const targets = content.entries.map((entry) => locatedTarget(content.name, entry, catalog, model));
      results.push(...targets.map(checkConfig));
    } catch (error) {
      refuse(path, error);
    }
  }
  const report = createCheckDocument(files, results, invalid);
  // One error line and one hint, as for any bad input; the report lists every invalid file.
  const [first] = invalid;
  const more = invalid.length - 1;
  const errors = first
    ? describeError(new PlanError('invalid-file', `${first.message}${more > 0 ? ` (and ${more} more invalid file${more === 1 ? '' : 's'})` : ''}`, first.hint ?? undefined), false)
    : '';
  return { report, errors };
}

/** A config resolved, with its place in the file; a problem with it points at the field's line. */
function locatedTarget(name: string, entry: ConfigEntry, catalog: PresetCatalog, clusterModel: ClusterModel | undefined): CheckTarget {
  try {
    return { ...resolveCheckTarget(name, entry, catalog, clusterModel), location: entry.location };
  } catch (error) {
    if (!(error instanceof CheckConfigError)) throw error;
    throw new CheckFileError(error.message, error.hint, error.field === undefined ? entry.location : entry.locate(error.field, error.part));
  }
}

/** Paths as given, directories replaced by their check files (sorted by name). */
function expandPaths(paths: readonly string[], refuse: (file: string, error: unknown) => void): string[] {
  const expanded: string[] = [];
  for (const path of paths) {
    let isDirectory = false;
    try {
      isDirectory = path !== '-' && statSync(path).isDirectory();
    } catch {
      // Not there or not readable: reading it says which, naming the file.
    }
    if (!isDirectory) {
      expanded.push(path);
      continue;
    }
    let names: string[];
    try {
      names = readdirSync(path, { withFileTypes: true })
        .filter((entry) => CHECK_FILE.test(entry.name) && (entry.isFile() || entry.isSymbolicLink()))
        .map((entry) => entry.name)
        .sort();
    } catch (error) {
      refuse(path, new PlanError('invalid-file', `${path}: cannot list the directory (${(error as NodeJS.ErrnoException).code ?? 'error'})`));
      continue;
    }
    if (names.length === 0) {
      refuse(path, new PlanError('invalid-file', `${path}: a directory with no .yaml, .yml or .json files`, 'give check files, or a directory that holds some'));
      continue;
    }
    expanded.push(...names.map((name) => join(path, name)));
  }
  // A file named twice (itself and through its directory) is checked once.
  const seen = new Set<string>();
  return expanded.filter((path) => {
    const key = path === '-' ? path : resolve(path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Appends the markdown report to the GitHub job summary; a summary that cannot be written is a warning,
 * not a failed gate. The caller renders it (src/render/check-markdown.ts, loaded only then).
 */
export function appendStepSummary(path: string, markdown: string, io: CliIo): void {
  try {
    appendFileSync(path, `${markdown}\n`);
  } catch (error) {
    io.stderr(`llm-plan: warning: cannot write the job summary to ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
  }
}
