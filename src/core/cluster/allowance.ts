/**
 * Share of each GPU's memory set aside for what the model does not count: the CUDA context and
 * kernels, NCCL and ZeRO communication buckets, temporary buffers and allocator fragmentation.
 * llm-plan's own allowance (an assumption, not a measurement): usable memory = 90% of the datasheet's.
 */
export const BUFFER_ALLOWANCE = 0.1;
