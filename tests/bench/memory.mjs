/**
 * Peak memory of a process tree (a build: astro's node process plus Pagefind's binary, which it
 * spawns), by polling /proc: the sum of the resident set sizes (RSS) of the process and all its
 * descendants, every `intervalMs`. Linux only; elsewhere the peak is undefined.
 *
 * /usr/bin/time is not used: it is missing on a bare CI machine, and it reports the largest single
 * process, not the tree. Pages shared between processes are counted once per process (an upper bound).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const PAGE_SIZE = (() => {
  const result = spawnSync('getconf', ['PAGESIZE'], { encoding: 'utf8' });
  return Number(result.stdout?.trim()) || 4096;
})();

/** pid -> { ppid, rss bytes } for every process that can be read now. */
function processes() {
  const table = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // ended between readdir and read
    }
    // "pid (comm) state ppid ..." — comm may contain spaces and parentheses: split after the last ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    table.set(Number(name), { ppid: Number(fields[1]), rss: Number(fields[21]) * PAGE_SIZE });
  }
  return table;
}

/** RSS in bytes of `rootPid` and all its descendants, and how many processes that is. */
export function treeRss(rootPid) {
  const table = processes();
  const children = new Map();
  for (const [pid, { ppid }] of table) {
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(pid);
  }
  let bytes = 0;
  let count = 0;
  const queue = table.has(rootPid) ? [rootPid] : [];
  while (queue.length) {
    const pid = queue.pop();
    bytes += table.get(pid).rss;
    count += 1;
    queue.push(...(children.get(pid) ?? []));
  }
  return { bytes, count };
}

/**
 * Starts polling; `stop()` returns { peakBytes, peakProcesses, samples } (peakBytes undefined
 * without /proc or if no sample saw the process).
 */
export function watchPeakMemory(rootPid, intervalMs = 200) {
  if (!existsSync('/proc/self/stat')) return { stop: () => ({ peakBytes: undefined, peakProcesses: 0, samples: 0 }) };
  let peakBytes = 0;
  let peakProcesses = 0;
  let samples = 0;
  const sample = () => {
    const { bytes, count } = treeRss(rootPid);
    if (!count) return;
    samples += 1;
    if (bytes > peakBytes) peakBytes = bytes;
    if (count > peakProcesses) peakProcesses = count;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return { peakBytes: samples ? peakBytes : undefined, peakProcesses, samples };
    },
  };
}
