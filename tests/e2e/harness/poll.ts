/**
 * Reads until `check` holds or `timeoutMs` passes, and returns the last value read: content scripts run at
 * document_idle and annotate in idle slices, so what a test waits for arrives a little later.
 */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
