import { formatCount, formatScientific } from '../core/format.js';
import type { CheckDocument } from '../domain/schemas/check.js';
import type { Style } from './style.js';
import { wrapText } from './wrap.js';

/**
 * The human view of a check: a PASS or FAIL line per config, each violation's reason under its
 * config, and a summary line. Ends in a newline.
 */
export function renderCheckText(report: CheckDocument, style: Style, width = Infinity): string {
  const lines: string[] = [];
  for (const result of report.results) {
    const verdict = result.passed ? style.accent('PASS') : style.warn('FAIL');
    const shape = `${formatCount(result.params)} params, ${formatCount(result.tokens)} tokens, ${formatScientific(result.flops)} FLOPs`;
    lines.push(`${verdict} ${style.bold(result.name)}  ${style.dim(shape)}`);
    for (const violation of result.violations) {
      // Continuation lines indent under the reason, past the config's own indent.
      lines.push(...wrapText(`${violation.code}: ${violation.reason}`, width - 4).map((line, index) => (index === 0 ? '  ' : '    ') + line));
    }
  }
  const { configs, failed } = report.summary;
  const file = report.file === '-' ? 'stdin' : report.file;
  lines.push(
    '',
    failed === 0
      ? `${configs} of ${configs} config${configs === 1 ? '' : 's'} passed (${file})`
      : `${failed} of ${configs} config${configs === 1 ? '' : 's'} failed (${file})`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * GitHub Actions workflow commands, one `::error` per violation, so a failing check shows as an
 * annotation on the pull request. Data is escaped as the runner expects (%, CR, LF).
 */
export function renderGithubAnnotations(report: CheckDocument): string {
  const escape = (text: string): string => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
  return report.results
    .flatMap((result) => result.violations.map((violation) => `::error title=llm-plan check::${escape(`${result.name}: ${violation.reason}`)}\n`))
    .join('');
}
