// How each named style of the rendered workbook looks in an .xlsx file (exceljs style objects).
import type { Alignment, Border, Fill, Font } from 'exceljs';
import { PALETTE } from './formats';
import type { StyleName } from './render';

export interface XlsxStyle {
  readonly font: Partial<Font>;
  readonly fill?: Fill;
  readonly alignment?: Partial<Alignment>;
  readonly border?: Partial<{ top: Partial<Border>; bottom: Partial<Border>; left: Partial<Border>; right: Partial<Border> }>;
}

export const FONT = 'Calibri';
const argb = (hex: string) => ({ argb: `FF${hex}` });
const solid = (hex: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: argb(hex), bgColor: argb(hex) });
const hair = { style: 'thin' as const, color: argb(PALETTE.grid) };
const cellBorder = { bottom: hair, right: hair };
const font = (size: number, color: string, extra: Partial<Font> = {}): Partial<Font> => ({ name: FONT, size, color: argb(color), ...extra });

export const XLSX_STYLES: Readonly<Record<StyleName, XlsxStyle>> = {
  title: { font: font(16, PALETTE.ink, { bold: true }), alignment: { vertical: 'middle' } },
  help: { font: font(10, PALETTE.muted, { italic: true }), alignment: { vertical: 'top' } },
  bandInput: { font: font(8, PALETTE.inputHead, { bold: true }), fill: solid(PALETTE.band), alignment: { vertical: 'middle', indent: 1 } },
  bandComputed: { font: font(8, PALETTE.computedHead, { bold: true }), fill: solid(PALETTE.computedFill), alignment: { vertical: 'middle', indent: 1 } },
  headInput: { font: font(10, 'FFFFFF', { bold: true }), fill: solid(PALETTE.inputHead), alignment: { vertical: 'middle', wrapText: true } },
  headComputed: { font: font(10, 'FFFFFF', { bold: true }), fill: solid(PALETTE.computedHead), alignment: { vertical: 'middle', wrapText: true } },
  input: { font: font(10, PALETTE.ink), alignment: { vertical: 'middle' }, border: cellBorder },
  computed: { font: font(10, PALETTE.computedHead), fill: solid(PALETTE.computedFill), alignment: { vertical: 'middle' }, border: cellBorder },
  fieldLabel: { font: font(10, PALETTE.muted, { bold: true }), alignment: { vertical: 'middle' } },
  fieldValue: { font: font(10, PALETTE.ink), alignment: { vertical: 'middle', horizontal: 'left' }, border: { bottom: hair } },
  fieldComputed: { font: font(10, PALETTE.computedHead), fill: solid(PALETTE.computedFill), alignment: { horizontal: 'left' } },
  emphasis: { font: font(18, PALETTE.computedHead, { bold: true }), fill: solid(PALETTE.computedFill), alignment: { horizontal: 'left', vertical: 'middle' } },
  textHead: { font: font(12, PALETTE.ink, { bold: true }), alignment: { vertical: 'middle' } },
  textStep: { font: font(11, 'FFFFFF', { bold: true }), fill: solid(PALETTE.inputHead), alignment: { vertical: 'middle', indent: 1 }, border: { bottom: { style: 'thin', color: argb('FFFFFF') } } },
  textNote: { font: font(11, PALETTE.inputHead, { bold: true }), fill: solid(PALETTE.band), alignment: { vertical: 'middle', indent: 1 }, border: { bottom: { style: 'thin', color: argb('FFFFFF') } } },
  textBody: { font: font(11, PALETTE.ink), alignment: { vertical: 'middle', wrapText: true, indent: 1 }, border: { bottom: { style: 'thin', color: argb(PALETTE.grid) } } },
};

/** The faint fill of alternate rows: only on input cells, computed cells keep their tint. */
export const STRIPE_FILL = solid(PALETTE.stripe);
export const toArgb = argb;
export const solidFill = solid;
