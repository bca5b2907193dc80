/** The served process's memory, read from outside: RSS from /proc, heap through the preloaded probe's IPC answer. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ServedLectern } from '../served-lectern.ts';

/** Node flags that preload the probe into the served process (it needs the IPC channel serveLectern opens). */
export const memoryProbeArgs = ['--import', fileURLToPath(new URL('./memory-probe.mjs', import.meta.url))];

/** One reading, in bytes. */
export interface MemorySample {
  rss: number;
  heapUsed: number;
}

/** VmRSS of a Linux process, in bytes. */
export function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

/** heapUsed as the served process reports it through the probe; rejects after 5 s without an answer. */
export function heapUsedBytes(server: ServedLectern): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      server.child.off('message', answer);
      reject(new Error('the memory probe did not answer within 5 s'));
    }, 5_000);
    const answer = (message: unknown) => {
      const memory = (message as { memory?: NodeJS.MemoryUsage }).memory;
      if (memory === undefined) return;
      clearTimeout(timer);
      server.child.off('message', answer);
      resolve(memory.heapUsed);
    };
    server.child.on('message', answer);
    server.child.send('memory');
  });
}

/** RSS and heap at this moment. */
export async function sampleMemory(server: ServedLectern): Promise<MemorySample> {
  return { rss: residentBytes(server.pid), heapUsed: await heapUsedBytes(server) };
}
