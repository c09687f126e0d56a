// Time zones for the fake: what Sheets does with dates is defined by the spreadsheet's zone, not the
// script's. A date cell reaches a script as the instant of its midnight in the spreadsheet's zone: inferred,
// since the custom functions guide only says a script in another zone "needs to compensate"; it is the worse
// case we design for (pinned in fake.test.ts).

/** Minutes east of UTC of `timeZone` at instant `t`. */
export function offsetMinutes(timeZone: string, t: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(t))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((wall - Math.floor(t / 1000) * 1000) / 60_000);
}

/** The instant a cell showing `iso` (yyyy-mm-dd, optionally THH:MM) holds in a spreadsheet in `timeZone`. */
export function dateIn(iso: string, timeZone: string): Date {
  const wall = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : `${iso}Z`);
  let t = wall - offsetMinutes(timeZone, wall) * 60_000;
  t = wall - offsetMinutes(timeZone, t) * 60_000;
  return new Date(t);
}

/** The wall-clock "yyyy-mm-dd HH:MM" an instant shows in `timeZone`. */
export function wallClockIn(d: Date, timeZone: string): string {
  const w = new Date(d.getTime() + offsetMinutes(timeZone, d.getTime()) * 60_000).toISOString();
  return `${w.slice(0, 10)} ${w.slice(11, 16)}`;
}

/** Utilities.formatDate for the patterns the add-on uses (SimpleDateFormat letters). */
export function formatDate(d: Date, timeZone: string, pattern: string): string {
  const off = offsetMinutes(timeZone, d.getTime());
  const w = new Date(d.getTime() + off * 60_000).toISOString();
  const abs = Math.abs(off);
  const z = `${off < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
  const fields: Record<string, string> = { yyyy: w.slice(0, 4), MM: w.slice(5, 7), dd: w.slice(8, 10), HH: w.slice(11, 13), mm: w.slice(14, 16), ss: w.slice(17, 19), Z: z };
  if (/[a-zA-Z]/.test(pattern.replace(/yyyy|MM|dd|HH|mm|ss|Z/g, ''))) throw new Error(`the fake cannot format the pattern ${pattern}`);
  return pattern.replace(/yyyy|MM|dd|HH|mm|ss|Z/g, (k) => fields[k]!);
}
