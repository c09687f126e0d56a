// The browser build of exceljs has the package's own types (playground/main.ts imports it by path so the
// bundle gets the build that patches/exceljs+4.4.0.patch fixes).
declare module 'exceljs/dist/exceljs.js' {
  import ExcelJS from 'exceljs';
  export default ExcelJS;
}
