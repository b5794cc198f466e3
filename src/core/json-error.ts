/**
 * The reason of a JSON.parse SyntaxError without the excerpt V8 quotes from the text
 * (`Unexpected token 'r', "root:x:0:0:"... is not valid JSON`). A file named indirectly (a preset
 * path inside an --input request, say) may not be JSON at all, and its first bytes do not belong
 * in an error line or a CI log.
 *
 * @example describeJsonSyntaxError(new SyntaxError('Unexpected token \'v\', "vm" is not valid JSON')) → "Unexpected token 'v'"
 */
export function describeJsonSyntaxError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^JSON\.parse:\s*/, '').replace(/,\s*(\.\.\.)?"[\s\S]*"(\.\.\.)?\s*is not valid JSON\s*$/, '');
}
