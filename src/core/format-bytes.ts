import { formatNumber } from './format.js';

/**
 * Bytes in decimal units (1 GB = 1e9 B), as GPU datasheets print memory, three significant digits.
 *
 * @example formatBytes(2.192e11) → '219 GB'; formatBytes(8e10) → '80.0 GB'; formatBytes(1.5e12) → '1.50 TB';
 * formatBytes(2.5e15) → '2.50 PB'; beyond 1000 PB the count is grouped: '12,000 PB'
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) throw new TypeError(`expected a finite number, got ${bytes}`);
  const units: ReadonlyArray<readonly [number, string]> = [
    [1e15, 'PB'],
    [1e12, 'TB'],
    [1e9, 'GB'],
    [1e6, 'MB'],
    [1e3, 'kB'],
  ];
  for (const [scale, unit] of units) {
    if (Math.abs(bytes) >= scale * 0.9995) return `${formatNumber(bytes / scale)} ${unit}`;
  }
  return `${formatNumber(bytes)} B`;
}
