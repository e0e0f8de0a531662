import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Returns a maker of scratch directories `<tmpdir>/<prefix>XXXXXX`, every one of which is removed
 * after the calling file's (or describe block's) last test. Call it at the top level of a test
 * file or a describe, never inside a test: it registers an afterAll hook.
 */
export function scratchDirs(prefix: string): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}
