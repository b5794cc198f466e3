/**
 * Number formatting for human output (renderers only; JSON keeps plain numbers in base units).
 * One unit table plus `toPrecision`, in the manner of pretty-bytes.
 */

const COUNT_UNITS: ReadonlyArray<readonly [number, string]> = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
];

function assertFinite(value: number): void {
  if (!Number.isFinite(value)) throw new TypeError(`expected a finite number, got ${value}`);
}

/** `9e20` → `9.00e20`: scientific notation with three significant digits and no `+`. */
export function formatScientific(value: number, digits = 3): string {
  assertFinite(value);
  const text = value.toExponential(digits - 1).replace('e+', 'e');
  // A power of ten of 0 says nothing: `1.00e0` is `1.00`.
  return text.endsWith('e0') ? text.slice(0, -2) : text;
}

/**
 * A count with an SI suffix and three significant digits: parameters, tokens.
 *
 * @example formatCount(2.7386e9) → '2.74B'; formatCount(5.477e10) → '54.8B'; formatCount(1.4e12) → '1.40T'
 */
export function formatCount(value: number): string {
  assertFinite(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e15) return formatScientific(value);
  for (const [scale, suffix] of COUNT_UNITS) {
    // Round first so 999.96e6 prints as 1.00B rather than 1000M. Three significant digits round
    // below 0.9995 to at most 0.999 and from 1 up to at least 1, so only the sliver between needs
    // toPrecision (a sweep formats counts for every row; toPrecision is the slow part).
    const ratio = magnitude / scale;
    if (ratio >= 1 || (ratio >= 0.999 && Number(ratio.toPrecision(3)) >= 1)) {
      // At least 1.00 and below 1000, toPrecision(3) writes fixed notation, as the number reads back.
      const text = (value / scale).toPrecision(3);
      if (Math.abs(Number(text)) < 1000) return `${text}${suffix}`;
    }
  }
  if (magnitude < 1e-3 && magnitude > 0) return formatScientific(value);
  return Number(value.toPrecision(3)).toString();
}

/** A plain number with three significant digits, switching to scientific beyond 1e6 or below 1e-3. */
export function formatNumber(value: number, digits = 3): string {
  assertFinite(value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e6 || magnitude < 1e-3)) return formatScientific(value, digits);
  // toPrecision would write 2314.8 as "2.31e+3"; whole numbers read better there, grouped (2,315).
  if (magnitude >= 10 ** digits) return formatGrouped(Math.round(value));
  return value.toPrecision(digits);
}

/**
 * A number with a thousands separator and a fixed number of decimals: `23809.5` → `23,810`.
 * Written out rather than `toLocaleString`, whose first call loads ICU data (~18 ms of start-up).
 */
export function formatGrouped(value: number, decimals = 0): string {
  assertFinite(value);
  if (Math.abs(value) >= 1e21) return formatScientific(value);
  const [whole = '', fraction] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 && Number(value.toFixed(decimals)) !== 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Hours of wall-clock or device time as a short human duration: hours below two days, else days. */
export function formatHours(hours: number): string {
  assertFinite(hours);
  if (hours < 48) return `${formatNumber(hours)} h`;
  return `${formatNumber(hours / 24)} days`;
}
