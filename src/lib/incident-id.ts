/** Incident ids as the 100K-user handbook's log writes them: INC-YYYY-MM-DD-NNN (UTC date). Pure. */

export function nextIncidentId(now: Date, existing: Iterable<string>): string {
  const day = now.toISOString().slice(0, 10);
  const prefix = `INC-${day}-`;
  let highest = 0;
  for (const id of existing) {
    if (!id.startsWith(prefix)) continue;
    const n = Number(id.slice(prefix.length));
    if (Number.isInteger(n) && n > highest) highest = n;
  }
  return `${prefix}${String(highest + 1).padStart(3, '0')}`;
}
