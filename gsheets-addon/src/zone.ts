// The spreadsheet's time zone as offsets, for reading and writing Date objects. The custom functions guide
// says only "If the spreadsheet and the script use different time zones (a rare problem), the custom function
// needs to compensate" (Data types); that a date cell arrives as the instant of its midnight in the
// spreadsheet's zone, and that a Date a script writes becomes that zone's wall clock, is inferred: the worse
// case we design for, pinned in test/gsheets/fake.test.ts. Utilities.formatDate is the documented way to see an
// instant in a named zone, and custom functions may use Utilities.
import type { ZoneOffset } from '../../core/cells';

const DAY_MS = 86_400_000;

/** "+0900" / "-0430" (SimpleDateFormat's Z) as minutes east of UTC. */
function parseOffset(z: string): number {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z.trim());
  if (!m) throw new Error(`Unexpected time zone offset ${z}`);
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/**
 * The offsets of `timeZone`, one Utilities call per instant at most and usually one per day: when the offsets
 * at both ends of a UTC day agree, no zone changes within it (no zone changes its offset twice in one day).
 */
export function zoneOffsets(timeZone: string): ZoneOffset {
  const at = (t: number) => parseOffset(Utilities.formatDate(new Date(t), timeZone, 'Z'));
  const days = new Map<number, number | null>();
  return (t) => {
    const day = Math.floor(t / DAY_MS);
    let o = days.get(day);
    if (o === undefined) {
      const a = at(day * DAY_MS);
      o = a === at((day + 1) * DAY_MS - 1) ? a : null;
      days.set(day, o);
    }
    return o ?? at(t);
  };
}

/**
 * The spreadsheet's offsets, read from the service only when a Date is first met, and undefined where no
 * spreadsheet is defined (the bundle loaded in a plain context, or run from the editor of a standalone script).
 */
export function activeSpreadsheetZone(): ZoneOffset | undefined {
  if (typeof SpreadsheetApp === 'undefined' || typeof Utilities === 'undefined') return undefined;
  let offsets: ZoneOffset | undefined;
  return (t) => {
    if (!offsets) {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      // No active spreadsheet: nothing to compensate for; the script's zone is all there is.
      offsets = ss ? zoneOffsets(ss.getSpreadsheetTimeZone()) : (x) => -new Date(x).getTimezoneOffset();
    }
    return offsets(t);
  };
}

/**
 * The Date to write for a calendar day (ISO yyyy-mm-dd) so that the cell holds that day and no time of day:
 * midnight of that day in the spreadsheet's zone. Two passes settle a day that starts near a zone change.
 */
export function midnightIn(iso: string, offsets: ZoneOffset): Date {
  const wall = Date.parse(`${iso}T00:00:00Z`);
  let t = wall - offsets(wall) * 60_000;
  t = wall - offsets(t) * 60_000;
  return new Date(t);
}
