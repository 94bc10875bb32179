/** The build's one line about the offline copy (pure). */

/** One build log line: "Offline: 312 files precached, 8.1 MB; sw.js 14.2 kB." */
export function precacheSummary(count: number, bytes: number, swBytes: number): string {
  return `Offline: ${count} files precached, ${(bytes / 1e6).toFixed(1)} MB; sw.js ${(swBytes / 1e3).toFixed(1)} kB.`;
}
