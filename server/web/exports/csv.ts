import { officerLabel, type Officer } from '../../minutes/schema.js';
import { RECORD_FIELDS, type ItemRecord } from '../item-record.js';

/** Columns in the order the fields are documented; a list becomes one cell, its entries separated by "; ". */
export const CSV_COLUMNS = Object.keys(RECORD_FIELDS) as (keyof ItemRecord)[];

/** An entry of a list as a cell shows it: an officer as "name (role)". */
const listEntry = (entry: string | Officer) => (typeof entry === 'string' ? entry : officerLabel(entry));

/**
 * One RFC 4180 cell. A cell a spreadsheet would run as a formula (starting
 * with =, +, -, @ or a control character) gets a leading apostrophe, so that
 * opening an export cannot run anything a source file smuggled in.
 */
export function csvCell(value: ItemRecord[keyof ItemRecord]): string {
  const text = value === null ? '' : Array.isArray(value) ? value.map(listEntry).join('; ') : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(cells: string[]): string {
  return `${cells.join(',')}\r\n`;
}

export const csvHeader = (): string => csvRow(CSV_COLUMNS);

export function csvRecord(record: ItemRecord): string {
  return csvRow(CSV_COLUMNS.map((column) => csvCell(record[column])));
}
