/**
 * HashiCorp's HCL tools (`@cdktf/hcl2json`, `@cdktf/hcl-tools`) are Go compiled to WebAssembly.
 * Go's runtime keeps its own timers with `setTimeout` (about a second each, rescheduled while
 * its garbage collector hands memory back) and never clears them, so after parsing the large
 * stacks the Jest worker stayed busy and Jest reported "A worker process has failed to exit
 * gracefully". Unref'd, the timers no longer hold the worker open; while tests run the worker
 * is kept alive by Jest anyway, so nothing else changes.
 *
 * Call once at the top of a test file that uses either package. Each test file has its own
 * global object, so this touches no other file.
 */
export function unrefGoWasmTimers(): void {
  const schedule = globalThis.setTimeout;
  globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) =>
    schedule(...args).unref()) as typeof setTimeout;
}
