/**
 * Reads candle CSV text (CONTRACT.md section 2, "Data") into float64 columns: header
 * `timestamp,open,high,low,close,volume` (any order, extra columns ignored), bar-open times in ms UTC
 * (integer seconds below 1e11 are taken as seconds), rows sorted here, exact duplicates dropped and
 * counted. Anything else a user must fix is an `INVALID_REQUEST` naming the line.
 */
import { StratexError } from '@stratex/core';
import { readDecimal } from './decimal.js';

export const CSV_COLUMNS = ['timestamp', 'open', 'high', 'low', 'close', 'volume'] as const;

/** Timestamps below this are seconds, not ms (1e11 s is the year 5138; 1e11 ms is 1973). */
const SECONDS_BELOW = 1e11;

export interface CandleColumns {
  time: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
  /** 1-based line of the file each bar came from. */
  line: Int32Array;
}

export interface ParsedCandles extends CandleColumns {
  /** Open times of the exact duplicate rows that were dropped (one entry per dropped row). */
  droppedDuplicates: number[];
}

/** Parses a whole candle CSV; `INVALID_REQUEST` naming the line for anything malformed. */
export function parseCandlesCsv(text: string): ParsedCandles {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const headerEnd = lineEnd(body, 0);
  const columnIndex = readHeader(body.slice(0, headerEnd));
  const raw = readRows(body, headerEnd + 1, columnIndex);
  const sorted = isSorted(raw.time) ? raw : reorder(raw, sortOrder(raw.time, raw.line));
  return dropDuplicates(sorted);
}

function lineEnd(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end === -1 ? text.length : end;
}

function invalid(line: number, message: string, details: Record<string, unknown> = {}): StratexError {
  return new StratexError('INVALID_REQUEST', `CSV line ${line}: ${message}`, { line, ...details });
}

function readHeader(headerLine: string): number[] {
  const names = headerLine
    .replace(/\r$/, '')
    .split(',')
    .map((name) =>
      name
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .toLowerCase(),
    );
  return CSV_COLUMNS.map((column) => {
    const index = names.indexOf(column);
    if (index === -1) {
      throw invalid(1, `missing column "${column}" (the header must be ${CSV_COLUMNS.join(',')})`, { column });
    }
    return index;
  });
}

interface RawRows {
  columns: Float64Array[];
  line: Int32Array;
  count: number;
}

/** Which column (index into CSV_COLUMNS) each cell of a row feeds, -1 for ignored cells. */
function cellTargets(columnIndex: number[]): Int8Array {
  const targets = new Int8Array(Math.max(...columnIndex) + 1).fill(-1);
  columnIndex.forEach((cell, column) => {
    targets[cell] = column;
  });
  return targets;
}

function readRows(text: string, start: number, columnIndex: number[]): ParsedCandles {
  const capacity = countNewlines(text, start) + 1;
  const rows: RawRows = {
    columns: CSV_COLUMNS.map(() => new Float64Array(capacity)),
    line: new Int32Array(capacity),
    count: 0,
  };
  const targets = cellTargets(columnIndex);
  let lineNumber = 1;
  for (let pos = start; pos < text.length; ) {
    let end = lineEnd(text, pos);
    const next = end + 1;
    lineNumber += 1;
    if (text.charCodeAt(end - 1) === 13) end -= 1;
    if (!isBlank(text, pos, end)) readRow(rows, text, pos, end, targets, lineNumber);
    pos = next;
  }
  const [time, open, high, low, close, volume] = rows.columns.map((column) => column.subarray(0, rows.count));
  return { time, open, high, low, close, volume, line: rows.line.subarray(0, rows.count), droppedDuplicates: [] };
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let p = start; p < end; p++) if (text.charCodeAt(p) > 32) return false;
  return true;
}

function countNewlines(text: string, start: number): number {
  let count = 0;
  for (let pos = text.indexOf('\n', start); pos !== -1; pos = text.indexOf('\n', pos + 1)) count += 1;
  return count;
}

function readRow(rows: RawRows, text: string, start: number, end: number, targets: Int8Array, lineNumber: number) {
  const row = rows.count;
  let cellStart = start;
  for (let cell = 0; cell < targets.length; cell++) {
    if (cellStart > end) {
      throw invalid(lineNumber, `expected ${targets.length} columns, found ${cell}`);
    }
    let cellEnd = text.indexOf(',', cellStart);
    if (cellEnd === -1 || cellEnd > end) cellEnd = end;
    const column = targets[cell];
    if (column >= 0) {
      const value = readDecimal(text, cellStart, cellEnd);
      if (Number.isNaN(value)) {
        const written = clip(text.slice(cellStart, cellEnd));
        throw invalid(lineNumber, `${CSV_COLUMNS[column]} "${written}" is not a number`, {
          column: CSV_COLUMNS[column],
        });
      }
      rows.columns[column][row] = value;
    }
    cellStart = cellEnd + 1;
  }
  rows.columns[0][row] = toMs(rows.columns[0][row], lineNumber);
  rows.line[row] = lineNumber;
  rows.count = row + 1;
}

function toMs(timestamp: number, lineNumber: number): number {
  if (!Number.isInteger(timestamp) || timestamp < 0) {
    throw invalid(lineNumber, `timestamp ${timestamp} is not a whole number of ms (or s) since 1970 UTC`, {
      column: 'timestamp',
    });
  }
  return timestamp < SECONDS_BELOW ? timestamp * 1000 : timestamp;
}

function clip(cell: string): string {
  return cell.length > 40 ? `${cell.slice(0, 40)}…` : cell;
}

function isSorted(time: Float64Array): boolean {
  for (let i = 1; i < time.length; i++) if (time[i] < time[i - 1]) return false;
  return true;
}

/** Indices ordered by time, ties by file line, so duplicates end up side by side. */
function sortOrder(time: Float64Array, line: Int32Array): Uint32Array {
  const order = new Uint32Array(time.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => time[a] - time[b] || line[a] - line[b]);
}

function reorder(rows: ParsedCandles, order: Uint32Array): ParsedCandles {
  const pick = <T extends Float64Array | Int32Array>(column: T, out: T): T => {
    for (let i = 0; i < order.length; i++) out[i] = column[order[i]];
    return out;
  };
  const n = order.length;
  return {
    time: pick(rows.time, new Float64Array(n)),
    open: pick(rows.open, new Float64Array(n)),
    high: pick(rows.high, new Float64Array(n)),
    low: pick(rows.low, new Float64Array(n)),
    close: pick(rows.close, new Float64Array(n)),
    volume: pick(rows.volume, new Float64Array(n)),
    line: pick(rows.line, new Int32Array(n)),
    droppedDuplicates: [],
  };
}

/** Drops exact repeats of a bar in place; a repeat with other values is an error naming both lines. */
function dropDuplicates(rows: ParsedCandles): ParsedCandles {
  const { time, open, high, low, close, volume, line } = rows;
  const dropped: number[] = [];
  let kept = 0;
  for (let i = 0; i < time.length; i++) {
    if (kept > 0 && time[i] === time[kept - 1]) {
      const k = kept - 1;
      const same =
        open[i] === open[k] &&
        high[i] === high[k] &&
        low[i] === low[k] &&
        close[i] === close[k] &&
        volume[i] === volume[k];
      if (!same) {
        throw invalid(line[i], `a different bar at ${new Date(time[i]).toISOString()} is already on line ${line[k]}`, {
          otherLine: line[k],
        });
      }
      dropped.push(time[i]);
      continue;
    }
    if (kept !== i) {
      time[kept] = time[i];
      open[kept] = open[i];
      high[kept] = high[i];
      low[kept] = low[i];
      close[kept] = close[i];
      volume[kept] = volume[i];
      line[kept] = line[i];
    }
    kept += 1;
  }
  if (dropped.length === 0) return rows;
  return {
    time: time.subarray(0, kept),
    open: open.subarray(0, kept),
    high: high.subarray(0, kept),
    low: low.subarray(0, kept),
    close: close.subarray(0, kept),
    volume: volume.subarray(0, kept),
    line: line.subarray(0, kept),
    droppedDuplicates: dropped,
  };
}
