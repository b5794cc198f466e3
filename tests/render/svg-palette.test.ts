import { describe, expect, it } from 'vitest';
import { categoricalColor, PALETTE, sequentialColor } from '../../src/render/svg-palette.js';

describe('categoricalColor', () => {
  it("walks Okabe & Ito's palette and repeats it", () => {
    // Okabe & Ito 2008: blue #0072B2, vermillion #D55E00, bluish green #009E73.
    expect([0, 1, 2].map(categoricalColor)).toEqual(['#0072B2', '#D55E00', '#009E73']);
    expect(categoricalColor(PALETTE.length)).toBe('#0072B2');
    expect(categoricalColor(-1)).toBe('#000000');
  });
});

describe('sequentialColor', () => {
  it("runs from viridis' first stop to its last kept stop", () => {
    expect(sequentialColor(0, 5)).toBe('#440154');
    expect(sequentialColor(4, 5)).toBe('#aadc32');
    // Five items land exactly on the five stops.
    expect([1, 2, 3].map((index) => sequentialColor(index, 5))).toEqual(['#3b528b', '#21918c', '#5ec962']);
    expect(sequentialColor(0, 1)).toBe('#440154');
  });

  it('mixes between stops: halfway from #440154 to #3b528b is #402a70 (by hand: (0x44+0x3b)/2 = 0x3f.8 → 0x40, …)', () => {
    expect(sequentialColor(1, 9)).toBe('#402a70');
  });

  it('gives 16 compute groups 16 different colours, getting lighter', () => {
    const colours = Array.from({ length: 16 }, (_, index) => sequentialColor(index, 16));
    expect(new Set(colours).size).toBe(16);
    const lightness = colours.map((hex) => [1, 3, 5].reduce((sum, at) => sum + Number.parseInt(hex.slice(at, at + 2), 16), 0));
    expect(lightness.every((value, index) => index === 0 || value > (lightness[index - 1] ?? 0))).toBe(true);
  });
});
