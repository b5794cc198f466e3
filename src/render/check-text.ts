import { describeLayout } from '../core/cluster/describe-layout.js';
import { formatBytes } from '../core/format-bytes.js';
import { formatCount, formatGrouped, formatNumber, formatScientific } from '../core/format.js';
import type { CheckDocument, CheckResult, SourceLocation } from '../domain/schemas/check.js';
import type { Style } from './style.js';
import { wrapText } from './wrap.js';

/**
 * The human view of a check: a PASS or FAIL line per config, each violation's reason and each
 * warning under its config, and a summary line. Ends in a newline. Invalid files are reported on
 * stderr as errors; the summary counts them.
 */
export function renderCheckText(report: CheckDocument, style: Style, width = Infinity): string {
  const lines: string[] = [];
  for (const result of report.results) {
    const verdict = result.passed ? style.accent('PASS') : style.warn('FAIL');
    const shape = `${formatCount(result.params)} params, ${formatCount(result.tokens)} tokens, ${formatScientific(result.flops)} FLOPs`;
    lines.push(`${verdict} ${style.bold(result.name)}  ${style.dim(shape)}`);
    const layout = layoutLine(result);
    if (layout !== undefined) lines.push(...wrapText(layout, width - 4).map((line, index) => (index === 0 ? '  ' : '    ') + style.dim(line)));
    for (const violation of result.violations) {
      // Continuation lines indent under the reason, past the config's own indent.
      lines.push(...wrapText(`${violation.code}: ${violation.reason}`, width - 4).map((line, index) => (index === 0 ? '  ' : '    ') + line));
    }
    for (const warning of result.warnings) {
      lines.push(...wrapText(`warning ${warning.code}: ${warning.reason}`, width - 4).map((line, index) => (index === 0 ? '  ' : '    ') + style.dim(line)));
    }
  }
  lines.push('', summaryLine(report));
  return `${lines.join('\n')}\n`;
}

/**
 * The fitting layout the search chose, in one line: `layout t1·p1·d256 (ZeRO-1, …) of llama-2-7b:
 * 65.0 GB of 72.0 GB usable per GPU, 10.5 days`. Undefined without a cluster, or when nothing fits
 * (the does-not-fit violation says why).
 */
export function layoutLine(result: CheckResult): string | undefined {
  const { layout } = result;
  if (!layout?.chosen.fits) return undefined;
  const { chosen, architecture } = layout;
  const { weights, gradients, optimizer, activations } = chosen.memory;
  const model = architecture.origin === 'proposed' ? `a proposed ${architecture.layers} × ${architecture.dModel} shape` : (architecture.id ?? architecture.name);
  return (
    `layout ${describeLayout(chosen)} of ${model}: ${formatBytes(weights + gradients + optimizer + activations)} of ${formatBytes(layout.usableBytesPerGpu)} usable per GPU,` +
    ` ${formatNumber(chosen.days)} days (fastest of ${formatGrouped(layout.fittingCount)} that fit)`
  );
}

/** `1 of 2 configs failed (plans.yaml)`, with invalid files counted. */
export function summaryLine(report: CheckDocument): string {
  const { configs, failed, invalidFiles } = report.summary;
  const files = report.files.map((file) => (file === '-' ? 'stdin' : file)).join(', ');
  const plural = configs === 1 ? '' : 's';
  const verdict = failed === 0 ? `${configs} of ${configs} config${plural} passed` : `${failed} of ${configs} config${plural} failed`;
  const invalid = invalidFiles === 0 ? '' : `; ${invalidFiles} file${invalidFiles === 1 ? '' : 's'} invalid`;
  return `${verdict}${invalid} (${files})`;
}

/** Workflow-command data: %, CR and LF escaped as the runner expects. */
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Workflow-command property values: as data, plus `:` and `,`, which end a value. */
function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** `file=plans.yaml,line=3,endLine=6,col=5,title=…`: where GitHub draws the annotation. */
function annotationProperties(file: string | undefined, location: SourceLocation | null, title: string): string {
  const properties: string[] = [];
  // stdin has no path in the repository; the annotation then shows on the run, not on a file.
  if (file !== undefined && file !== '-') {
    properties.push(`file=${escapeProperty(file)}`);
    if (location) properties.push(`line=${location.line}`, `endLine=${location.endLine}`, `col=${location.column}`);
  }
  properties.push(`title=${escapeProperty(title)}`);
  return properties.join(',');
}

/**
 * GitHub Actions workflow commands, so a check shows on the pull request's diff: one `::error`
 * per violation at its config's lines, titled `config: code`; one `::error` per invalid file at
 * the offending field; one `::warning` per warning.
 */
export function renderGithubAnnotations(report: CheckDocument): string {
  const lines: string[] = [];
  const fileOf = (result: CheckResult): string | undefined => result.file ?? (report.files.length === 1 ? report.files[0] : undefined);
  for (const invalid of report.invalid) {
    lines.push(`::error ${annotationProperties(invalid.file, invalid.location, 'invalid check file')}::${escapeData(invalid.message)}`);
  }
  for (const result of report.results) {
    for (const violation of result.violations) {
      lines.push(`::error ${annotationProperties(fileOf(result), result.location, `${result.name}: ${violation.code}`)}::${escapeData(violation.reason)}`);
    }
    for (const warning of result.warnings) {
      lines.push(`::warning ${annotationProperties(fileOf(result), result.location, `${result.name}: ${warning.code}`)}::${escapeData(warning.reason)}`);
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}
