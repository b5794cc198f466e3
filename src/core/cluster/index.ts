/** The cluster model: architecture → parameters, FLOPs, memory per GPU, step time, layout search. */
export * from './advice.js';
export * from './flops.js';
export * from './hf-config.js';
export * from './layout.js';
export * from './memory.js';
export * from './params.js';
export * from './shape.js';
export * from './plan-cluster.js';
