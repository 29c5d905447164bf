/** Public API of core/table: reading files and sheets into typed tables with problems. */
export { decodeText, detectDelimiter, parseDelimited, type TextEncodingName } from './text';
export { parseGradeCell } from './grade-cell';
export { matchHeader, parseGenderValue, parseYesNo, LANGUAGE_NAMES } from './aliases';
export { readGradeTable, SCB9_COLUMNS, SCB6_COLUMNS, SCB6_COLUMN_COUNT, type ReadGradeOptions } from './grades';
export { readTestTable, SCB_TEST9_COLUMNS, type ReadTestOptions } from './tests';
export { sheetContext, rowWidth, readIdentity, type SheetContext, type RowIdentity } from './context';
export { cellText, normalizeHeader, findHeaderRow, isBlankRow, type HeaderMatch } from './header';
export { columnLetter, columnIndex, quoteSheet, cellAddress, parseAddress } from './address';
