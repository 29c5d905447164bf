/** The .xlsx writer of the CLI: apply a ReportPlan with ExcelJS, then add native charts. */
export { applyPlan, findMarkedSheets, removeGeneratedSheets, uniqueSheetName, MARKER_PREFIX } from './apply';
export type { AppliedPlan, AppliedSheet } from './apply';
export { addCharts, stripCharts, chartXml, drawingXml, CHART_NAME_PREFIX } from './charts';
export { loadWorkbook, saveWorkbook, newWorkbook } from './workbook';
