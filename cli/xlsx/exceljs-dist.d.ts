// ExcelJS's prebuilt single-file bundle: the same library and version as `exceljs`, loaded in about
// a quarter of the time (one file to compile instead of hundreds of modules). See workbook.ts.
declare module 'exceljs/dist/exceljs.min.js' {
  import ExcelJS from 'exceljs';
  export default ExcelJS;
}
