declare module 'skolanalys:workbook' {
  const workbook: unknown;
  export default workbook;
}
