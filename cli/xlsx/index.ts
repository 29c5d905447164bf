/**
 * The CLI's .xlsx layer: a workbook package read as its producer wrote it (package.ts, values.ts)
 * and reports written into it by adding parts (writer.ts), never by re-serialising the user's.
 */
export { XlsxPackage, MARKER_PREFIX, sheetOfRef, type SheetEntry, type DefinedName } from './package';
export { writeReportPackage, newPackage, dataSheet, uniqueSheetName, type SheetToWrite, type WriteResult } from './writer';
export { ZipArchive, ZipError } from './zipfile';
export { chartXml, drawingXml, CHART_NAME_PREFIX } from './charts';
