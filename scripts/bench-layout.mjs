// In-process timing of the layout search (issue 12): Llama 3.1 405B over 16,384 H100s, every
// layout (t, p, d, ZeRO, recomputation, micro-batch), target under 200 ms. Build first.
//   node scripts/bench-layout.mjs [--runs N]
const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 5;

export async function benchLayout(repeats = runs) {
  const lib = await import('../dist/index.js');
  const arch = { name: 'Llama 3.1 405B', layers: 126, dModel: 16384, heads: 128, kvHeads: 8, headDim: 128, ffn: 53248, vocab: 128256, mlp: 'swiglu', tiedEmbeddings: false, norm: 'rmsnorm', bias: 'none', positions: 'rope' };
  const setup = { arch, seqLen: 8192, precision: 'bf16', optimizer: 'adamw', gradDtype: 'bf16', flashAttention: true };
  const cluster = { gpus: 16384, gpuMemoryBytes: 80e9, peakFlops: 989.5e12, mfu: 0.4, gpusPerNode: 8, intraNodeBytesPerSecond: 450e9, interNodeBytesPerSecond: 50e9 };
  const times = [];
  let result;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    result = lib.cluster.searchLayouts(setup, cluster, 2048);
    times.push(performance.now() - start);
  }
  const first = times[0];
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  // The whole cluster section of a plan row (search, memory, notes) as `llm-plan --model llama-3.1-405b --gpus 16384` runs it.
  const hardware = { precision: 'bf16', peakFlops: 989.5e12, mfu: 0.4, memoryBytes: 80e9, intraNodeBytesPerSecond: 450e9, interNodeBytesPerSecond: 50e9 };
  const request = { architecture: { arch, origin: 'preset' }, vocab: 128256, seqLen: 8192, optimizer: 'adamw', gradDtype: 'bf16', flashAttention: true, gpusPerNode: 8, constraints: {}, fixedLayout: false };
  const planStart = performance.now();
  const plan = lib.cluster.planCluster({ params: 405e9, tokens: 15.6e12 }, 16384, hardware, request, 8295);
  const planMs = performance.now() - planStart;
  console.log(`cluster section of a plan row, same run: ${planMs.toFixed(1)} ms (${plan.layout.fittingCount} layouts fit; target < 200 ms) ${planMs < 200 ? 'ok' : 'OVER'}`);
  console.log(
    `layout search, 405B over 16,384 GPUs: first ${first.toFixed(1)} ms, median ${median.toFixed(1)} ms of ${repeats}` +
      ` (${result.searchedCount} layouts, ${result.fittingCount} fit; target < 200 ms) ${first < 200 ? 'ok' : 'OVER'}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchLayout();
