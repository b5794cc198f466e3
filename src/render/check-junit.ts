import { formatCount, formatScientific } from '../core/format.js';
import type { CheckDocument } from '../domain/schemas/check.js';
import { layoutLine } from './check-text.js';

/**
 * A check as JUnit XML, the report GitLab, Jenkins, Buildkite and Azure Pipelines read: one
 * `<testsuite>` per file, one `<testcase>` per config with a `<failure>` per violation, and an
 * invalid file as one `<testcase>` with an `<error>`. Warnings go to `<system-out>`. Ends in a newline.
 */
export function renderCheckJunit(report: CheckDocument): string {
  const suites = report.files.map((file) => {
    const results = report.results.filter((result) => (result.file ?? report.files[0]) === file);
    const invalid = report.invalid.filter((entry) => entry.file === file);
    const name = file === '-' ? 'stdin' : file;
    const cases = results.map((result) => {
      const attributes = `name="${attr(result.name)}" classname="${attr(`llm-plan check.${name}`)}" time="0"`;
      const at = `${name}${result.location ? `:${result.location.line}` : ''}`;
      const shape = `${formatCount(result.params)} params, ${formatCount(result.tokens)} tokens, ${formatScientific(result.flops)} FLOPs`;
      const layout = layoutLine(result);
      // A clean pass says so with its shape; the chosen layout and the warnings follow either way.
      const out = [
        ...(result.violations.length === 0 && result.warnings.length === 0 ? [`pass: ${shape}`] : []),
        ...(layout === undefined ? [] : [layout]),
        ...result.warnings.map((warning) => `warning ${warning.code}: ${warning.reason}`),
      ];
      const body = [
        ...result.violations.map((violation) => `      <failure type="${attr(violation.code)}" message="${attr(violation.reason)}">${xml(`${at}: ${violation.code}: ${violation.reason}`)}</failure>`),
        ...(out.length > 0 ? [`      <system-out>${xml(out.join('\n'))}</system-out>`] : []),
      ];
      return `    <testcase ${attributes}>\n${body.join('\n')}\n    </testcase>`;
    });
    for (const entry of invalid) {
      const attributes = `name="${attr(`${name} (invalid file)`)}" classname="${attr(`llm-plan check.${name}`)}" time="0"`;
      cases.push(`    <testcase ${attributes}>\n      <error type="invalid-file" message="${attr(entry.message)}">${xml([`${entry.message}${entry.location ? ` (line ${entry.location.line}, column ${entry.location.column})` : ''}`, entry.hint ?? ''].filter(Boolean).join('\n'))}</error>\n    </testcase>`);
    }
    const failures = results.filter((result) => !result.passed).length;
    const counts = `tests="${results.length + invalid.length}" failures="${failures}" errors="${invalid.length}" skipped="0" time="0"`;
    return `  <testsuite name="${attr(name)}" ${counts}>\n${cases.join('\n')}\n  </testsuite>`;
  });
  const { configs, failed, invalidFiles } = report.summary;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="llm-plan check" tests="${configs + invalidFiles}" failures="${failed}" errors="${invalidFiles}" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

/** Text as an XML attribute value: line breaks and tabs kept as references (a parser would fold them to spaces). */
function attr(text: string): string {
  return xml(text).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/**
 * Text as XML character data or an attribute value: markup characters escaped, and characters XML 1.0
 * cannot carry at all (controls other than tab and line breaks, lone surrogates) replaced by U+FFFD.
 */
function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[character] ?? character)
    .replace(/\r/g, '&#13;');
}
