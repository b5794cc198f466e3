import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/cli.js';

// Renders the SVG the way a user opens it: in a real browser (Debian's `chromium`, headless), then
// decodes the screenshot and checks it shows a figure. CI installs chromium (.ci/run); on a machine
// without it the test is skipped, and its name says why.
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const dir = mkdtempSync(join(tmpdir(), 'llm-plan-chromium-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Screenshots `file` at 1000×950 with a fresh profile and no network chatter; returns the PNG. */
function screenshot(file: string, png: string): PNG {
  const profile = mkdtempSync(join(dir, 'profile-'));
  const result = spawnSync(
    CHROMIUM,
    [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--user-data-dir=${profile}`, `--screenshot=${png}`, '--window-size=1000,950', `file://${file}`,
    ],
    { encoding: 'utf8', timeout: 55_000 },
  );
  if (!existsSync(png)) throw new Error(`chromium wrote no screenshot (status ${result.status}): ${result.stderr.slice(-500)}`);
  return PNG.sync.read(readFileSync(png));
}

/**
 * Hues that fill at least `minimum` strongly coloured pixels, in 30° bins (HSV saturation and
 * value above 0.35): a figure of one colour has one, Okabe–Ito's blue, vermillion and green three.
 */
function hues(image: PNG, minimum = 150): number[] {
  const bins = new Array<number>(12).fill(0);
  for (let offset = 0; offset < image.data.length; offset += 4) {
    const [r = 0, g = 0, b = 0] = [image.data[offset], image.data[offset + 1], image.data[offset + 2]].map((v) => (v ?? 0) / 255);
    const max = Math.max(r, g, b);
    const min = Math.min(r, g, b);
    if (max < 0.35 || (max - min) / max < 0.35) continue;
    const d = max - min;
    const hue = max === r ? ((g - b) / d + 6) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
    bins[Math.floor(hue * 2) % 12] = (bins[Math.floor(hue * 2) % 12] ?? 0) + 1;
  }
  return bins.flatMap((count, bin) => (count >= minimum ? [bin * 30] : []));
}

/** Pixels that are not the white background, and pixels close to a given colour. */
function countPixels(image: PNG, rgb: readonly [number, number, number]): { ink: number; matching: number } {
  let ink = 0;
  let matching = 0;
  for (let offset = 0; offset < image.data.length; offset += 4) {
    const [r = 0, g = 0, b = 0] = [image.data[offset], image.data[offset + 1], image.data[offset + 2]];
    if (r < 240 || g < 240 || b < 240) ink++;
    if (Math.abs(r - rgb[0]) < 40 && Math.abs(g - rgb[1]) < 40 && Math.abs(b - rgb[2]) < 40) matching++;
  }
  return { ink, matching };
}

describe.skipIf(!hasChromium)(`plot --svg in headless Chromium${hasChromium ? '' : ` (skipped: ${CHROMIUM} is not installed; apt-get install chromium)`}`, () => {
  it('renders the IsoFLOP SVG to a non-blank image with the curve in its colour', { timeout: 60_000 }, () => {
    const svg = join(dir, 'valley.svg');
    expect(spawnCli(['plot', '--budget', '5000gpuh', '--gpu', 'v100', '--svg', svg]).code).toBe(0);
    const image = screenshot(svg, join(dir, 'valley.png'));
    expect([image.width, image.height]).toEqual([1000, 950]);
    const total = image.width * image.height;
    const { ink, matching } = countPixels(image, [0x00, 0x72, 0xb2]); // the first curve, Okabe–Ito blue
    // Axes, gridlines, labels and a curve: well above 1% of the page, far below a filled page.
    expect(ink / total).toBeGreaterThan(0.01);
    expect(ink / total).toBeLessThan(0.5);
    // A 2 px curve across ~600 px of plot: several hundred blue pixels.
    expect(matching).toBeGreaterThan(300);
  });

  // One non-blank check per picture kind: ink well above 1% of the page (axes, labels, lines) and
  // below half of it, and the colours the figure promises as distinct hues.
  const kinds: ReadonlyArray<readonly [string, readonly string[], number]> = [
    // The budget's curve (blue) and the rules' markers (sky blue, orange; openai black).
    ['isoflop', ['plot', '--budget', '5000gpuh', '--gpu', 'v100'], 2],
    // Three rules, one colour each (blue, vermillion, green), in both panels.
    ['frontier', ['plot', '--budget', '1e21flops..1e25flops', '--frontier'], 3],
    ['models', ['plot', '--models'], 3],
    // Compute groups on viridis, purple to yellow-green.
    ['fit', ['fit', 'tests/fixtures/chinchilla-figure4-points.csv', '--drop-top-loss', '5'], 3],
  ];
  for (const [kind, argv, minimumHues] of kinds) {
    it(`renders the ${kind} SVG non-blank, in at least ${minimumHues} distinct hues`, { timeout: 60_000 }, () => {
      const svg = join(dir, `${kind}.svg`);
      expect(spawnCli([...argv, '--svg', svg]).code).toBe(0);
      const image = screenshot(svg, join(dir, `${kind}.png`));
      const total = image.width * image.height;
      const { ink } = countPixels(image, [0, 0, 0]);
      expect(ink / total).toBeGreaterThan(0.01);
      expect(ink / total).toBeLessThan(0.5);
      expect(hues(image).length).toBeGreaterThanOrEqual(minimumHues);
    });
  }
});
