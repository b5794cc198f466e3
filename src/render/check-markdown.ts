import { formatCount, formatNumber, formatScientific } from '../core/format.js';
import type { CheckDocument, CheckResult } from '../domain/schemas/check.js';
import { describeLayout } from '../core/cluster/describe-layout.js';
import { formatBytes } from '../core/format-bytes.js';
import { summaryLine } from './check-text.js';
import { escapeCell } from './plan-markdown.js';

/**
 * A check as GitHub-flavoured Markdown, for a job summary or a pull-request comment: one row per
 * config (name, N, D, compute, tokens/param, loss, pass or fail with the reasons), one per invalid
 * file, warnings under the table, and a totals line. Ends in a newline.
 */
export function renderCheckMarkdown(report: CheckDocument): string {
  const several = report.files.length > 1;
  // A layout column only when some config gives a cluster (gpu and gpus).
  const layouts = report.results.some((result) => result.layout !== null && result.layout !== undefined);
  const lines: string[] = [
    `### llm-plan check: ${report.passed ? 'passed' : 'failed'}`,
    '',
    `| config |${several ? ' file |' : ''} N | D | compute | tokens/param | loss |${layouts ? ' layout |' : ''} result |`,
    `|---|${several ? '---|' : ''}---:|---:|---:|---:|---:|${layouts ? '---|' : ''}---|`,
  ];
  const where = (file: string, line: number | undefined): string => `${file === '-' ? 'stdin' : file}${line === undefined ? '' : `:${line}`}`;
  for (const result of report.results) {
    const cells = [
      escapeCell(result.name),
      ...(several ? [escapeCell(where(result.file ?? '', result.location?.line))] : []),
      formatCount(result.params),
      formatCount(result.tokens),
      `${formatScientific(result.flops)} FLOPs`,
      formatNumber(result.tokensPerParam),
      `${result.loss.value.toFixed(3)} (${escapeCell(result.loss.model)})`,
      ...(layouts ? [layoutCell(result)] : []),
      verdict(result),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  for (const invalid of report.invalid) {
    const place = escapeCell(where(invalid.file, invalid.location?.line));
    const cells = [
      ...(several ? ['—', place] : [place]),
      '', '', '', '', '',
      ...(layouts ? [''] : []),
      `**invalid file**: ${escapeCell(invalid.message)}`,
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  const warnings = report.results.flatMap((result) => result.warnings.map((warning) => `- ${escapeCell(result.name)}: ${warning.code}: ${escapeCell(warning.reason)}`));
  if (warnings.length > 0) lines.push('', '**Warnings**', '', ...warnings);
  const { passed, warnings: warningCount } = report.summary;
  lines.push('', `**${escapeCell(summaryLine(report))}**; ${passed} passed, ${warningCount} warning${warningCount === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}

/** `t1·p1·d256 (ZeRO-1, …): 65.0 GB/GPU, 10.5 days`, `does not fit`, or `—` without a cluster. */
function layoutCell(result: CheckResult): string {
  const { layout } = result;
  if (!layout) return '—';
  if (!layout.chosen.fits) return 'does not fit';
  const { weights, gradients, optimizer, activations } = layout.chosen.memory;
  return `${describeLayout(layout.chosen)}: ${formatBytes(weights + gradients + optimizer + activations)}/GPU, ${formatNumber(layout.chosen.days)} days`;
}

/** `pass`, or `**fail**: code (reason); code (reason)`. */
function verdict(result: CheckResult): string {
  if (result.passed) return 'pass';
  return `**fail**: ${result.violations.map((violation) => `${violation.code} (${escapeCell(violation.reason)})`).join('; ')}`;
}
