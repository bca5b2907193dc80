/**
 * The disk's own rate of durable writes: 4 KiB appends each followed by fdatasync, for two seconds, in a folder on
 * the disk the stores use. An update at SQLite FULL needs at least one such sync, so this bounds what group commit
 * can reach per commit, and the update rows are read against it.
 */
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** fdatasync calls a second that the disk under `folder` (default: the temporary folder) completes. */
export function measureFsyncRate(folder = tmpdir(), seconds = 2): number {
  const dir = mkdtempSync(join(folder, 'lectern-fsync-'));
  const fd = openSync(join(dir, 'probe'), 'w');
  const block = Buffer.alloc(4096, 1);
  try {
    let syncs = 0;
    const started = performance.now();
    const until = started + seconds * 1000;
    while (performance.now() < until) {
      writeSync(fd, block);
      fdatasyncSync(fd);
      syncs += 1;
    }
    return syncs / ((performance.now() - started) / 1000);
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
}
