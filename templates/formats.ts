// Number format codes and the status colours, shared by the xlsx writer and any host that builds the
// sheets itself (the Sheets add-on), so both variants look alike.
import type { Format } from './model';

export const FORMAT_CODES: Readonly<Record<Format, string>> = {
  general: 'General',
  text: '@',
  int: '#,##0',
  num1: '#,##0.0',
  num2: '#,##0.00',
  pct: '0%',
  pct1: '0.0%',
  date: 'd mmm yyyy',
  money: '$#,##0',
  moneyM: '$#,##0.00,,"M"',
  trend: '+0.0%;-0.0%;0.0%',
};

export type Tone = 'good' | 'warn' | 'bad' | 'idle';

/** Every status word the template's status columns can hold, and its colour. */
export const STATUS_TONES: Readonly<Record<string, Tone>> = {
  Done: 'good',
  Planned: 'good',
  'On track': 'good',
  'In progress': 'warn',
  'At risk': 'warn',
  Blocked: 'bad',
  Cut: 'bad',
  'Off track': 'bad',
  'Not started': 'idle',
  Dropped: 'idle',
  'No data': 'idle',
};

/** Text and fill (RGB hex) per tone: dark text on a pale fill reads well on screen and in greyscale print. */
export const TONE_COLORS: Readonly<Record<Tone, { readonly text: string; readonly fill: string }>> = {
  good: { text: '1E6B3A', fill: 'D8F0DF' },
  warn: { text: '8A5A00', fill: 'FCEFC7' },
  bad: { text: 'A12A2A', fill: 'F8D7D5' },
  idle: { text: '5B6770', fill: 'ECEFF1' },
};

export const PALETTE = {
  ink: '1F2A33',
  muted: '5B6770',
  inputHead: '1F4E5F',
  computedHead: '4B3F72',
  computedFill: 'F1EEF8',
  stripe: 'F6F8FA',
  grid: 'D9DEE3',
  band: 'E8EEF2',
} as const;
