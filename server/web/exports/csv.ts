import { EXPORT_FIELDS, type ExportRecord } from './export-record.js';

/** Columns in the order the fields are documented; a list becomes one cell, its entries separated by "; ". */
export const CSV_COLUMNS = Object.keys(EXPORT_FIELDS) as (keyof ExportRecord)[];

/**
 * One RFC 4180 cell. A cell a spreadsheet would run as a formula (starting
 * with =, +, -, @ or a control character) gets a leading apostrophe, so that
 * opening an export cannot run anything a source file smuggled in.
 */
export function csvCell(value: ExportRecord[keyof ExportRecord]): string {
  const text = value === null ? '' : Array.isArray(value) ? value.join('; ') : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(cells: string[]): string {
  return `${cells.join(',')}\r\n`;
}

export const csvHeader = (): string => csvRow(CSV_COLUMNS);

export function csvRecord(record: ExportRecord): string {
  return csvRow(CSV_COLUMNS.map((column) => csvCell(record[column])));
}
