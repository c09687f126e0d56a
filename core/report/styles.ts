// The report's stylesheet, inline in the page. Screen: a sheet of paper on a grey desk. Print: the page
// margins come from @page and the content is sized to fit one A4 or Letter page (Letter is the shorter,
// A4 the narrower); colours print as shown.
export const REPORT_CSS = `
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;background:#E7EBEF;color:#1F2A33;font:10.5px/1.38 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","DejaVu Sans",sans-serif}
.page{width:194mm;margin:10mm auto;background:#fff;padding:11mm 11mm 8mm;box-shadow:0 1px 3px rgba(20,30,40,.12),0 8px 24px rgba(20,30,40,.08);border-radius:2px}
header{display:flex;justify-content:space-between;align-items:center;gap:8mm;padding-bottom:4mm;border-bottom:2px solid #1F4E5F}
.eyebrow{font-size:9.5px;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:#1F4E5F}
h1{margin:1mm 0 2mm;font-size:19px;line-height:1.2;font-weight:700;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
.chips{display:flex;flex-wrap:wrap;gap:5px}
.chip{display:inline-block;padding:1px 7px;border-radius:9px;font-size:9.5px;font-weight:700;white-space:nowrap}
.composite{flex:none;display:flex;align-items:center;gap:3mm;text-align:right;white-space:nowrap}
.composite .label{font-size:9.5px;color:#5B6770;line-height:1.3}
.composite .label b{display:block;font-size:11px;color:#1F2A33}
h2{margin:5mm 0 1.5mm;font-size:9.5px;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:#5B6770}
table{width:100%;border-collapse:collapse;table-layout:fixed}
.clip,.kpi b,.kpi small{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.kpi b{display:block}
th{font-size:8.5px;font-weight:700;letter-spacing:.04em;text-transform:uppercase;color:#6B7883;text-align:left;padding:0 4px 3px;border-bottom:1px solid #CFD6DC}
td{padding:3px 4px;border-bottom:1px solid #EDF0F2;vertical-align:middle}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.kpi b{font-weight:600}
.kpi small,.muted{color:#6B7883}
.kpi small{display:block;font-size:8.5px;line-height:1.2}
.att{white-space:nowrap}
.track{display:inline-block;position:relative;vertical-align:middle;width:52px;height:7px;background:#E6EAEE;border-radius:4px;margin-right:5px;overflow:hidden}
.track i{position:absolute;left:0;top:0;bottom:0;border-radius:4px}
.track u{position:absolute;top:-1px;bottom:-1px;width:1.5px;background:#1F2A33;opacity:.55}
.pill{display:inline-block;min-width:58px;max-width:100%;overflow:hidden;text-overflow:ellipsis;vertical-align:middle;text-align:center;padding:1px 6px;border-radius:9px;font-size:9px;font-weight:700;white-space:nowrap}
.trend{white-space:nowrap}
.trend svg{vertical-align:-1px;margin-right:3px}
.spark{display:block}
.none{color:#9AA5AE}
.cols{display:grid;grid-template-columns:1.8fr 1fr;gap:6mm}
.rank{color:#6B7883;font-weight:700}
.id{color:#6B7883;font-size:8.5px}
.team{font-size:9.5px}
.load{display:grid;grid-template-columns:25mm 1fr 18mm;align-items:center;gap:2mm;padding:3px 0;border-bottom:1px solid #EDF0F2}
.load .bar{position:relative;height:9px;background:#E6EAEE;border-radius:5px;overflow:hidden}
.load .bar i{position:absolute;left:0;top:0;bottom:0;border-radius:5px}
.load .bar u{position:absolute;top:0;bottom:0;width:1.5px;background:#1F2A33;opacity:.55}
.load .team{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.cut td{font-size:9.5px}
.more{margin:1.5mm 0 0;color:#6B7883;font-size:9px}
footer{margin-top:5mm;padding-top:2mm;border-top:1px solid #CFD6DC;display:flex;justify-content:space-between;color:#6B7883;font-size:8.5px}
@page{margin:11mm}
@media print{
  body{background:#fff;font-size:9.5px;line-height:1.28}
  .page{width:auto;margin:0;padding:0;box-shadow:none;border-radius:0}
  td{padding:2px 4px}
  h2{margin:4mm 0 1mm}
  header{padding-bottom:3mm}
  section,header,tr,.load{break-inside:avoid}
}
`;
