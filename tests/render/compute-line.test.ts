import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// FLOPs on the compute line: three significant figures (issue 11 item 4), also for a booking and a
// chosen run; only an inverse query's answer keeps six (so it can be passed back as --budget).
describe('the compute line’s FLOPs', () => {
  it('a booking: 256 H100 × 21 days = 129,024 GPU-hours × 3,600 s × 989.5e12 × 0.40 = 1.838e23 → 1.84e23', async () => {
    const result = await runCli(['--gpu', 'h100', '--gpus', '256', '--days', '21', '--no-color']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.split('\n')[1]).toBe('Booked 256 GPUs × 21 days = 129,024 GPU-hours = 1.84e23 FLOPs = 2,128 PF-days');
  });

  it('a chosen run: 6 × 6.7e9 × 1.3e12 = 5.226e22 → 5.23e22, in the table and in markdown', async () => {
    const table = await runCli(['--params', '6.7B', '--tokens', '1.3T', '--no-color']);
    expect(table.stdout.split('\n')[0]).toBe('Run 6.70B parameters × 1.30T tokens = 5.23e22 FLOPs = 605 PF-days');
    const markdown = await runCli(['--params', '6.7B', '--tokens', '1.3T', '--format', 'markdown']);
    expect(markdown.stdout).toContain('= 5.23e22 FLOPs');
    expect(markdown.stdout).not.toContain('5.226e22');
  });
});
