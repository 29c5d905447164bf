/** The .xlsx writer of the CLI: place a ReportPlan's sheets with ExcelJS, write their content and charts into the file. */
export { applyPlan, addDataSheet, findMarkedSheets, removeGeneratedSheets, uniqueSheetName, MARKER_PREFIX } from './apply';
export type { AppliedPlan, AppliedSheet } from './apply';
export { chartXml, drawingXml, stripChartParts, CHART_NAME_PREFIX } from './charts';
export { loadWorkbook, saveWorkbook, newWorkbook, writeSheets } from './workbook';
