import type { CliIo } from './io.js';

/**
 * Colour is decided once (DESIGN §5, clig.dev): `--no-color`, a non-empty `NO_COLOR` or
 * `TERM=dumb` turn it off; otherwise a non-empty `FORCE_COLOR` other than `0` turns it on; otherwise
 * it follows whether stdout is a terminal.
 */
export function decideColor(io: Pick<CliIo, 'env' | 'isTTY'>, colorFlag: boolean): boolean {
  if (!colorFlag) return false;
  if (io.env.NO_COLOR) return false;
  if (io.env.TERM === 'dumb') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return io.isTTY;
}
