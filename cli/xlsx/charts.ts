/**
 * Native charts for .xlsx: the DrawingML parts of a generated sheet's charts
 * (xl/charts/chartN.xml, the drawing that places them). Series refer to the sheet's cells by
 * formula, so Excel and LibreOffice draw them from the data; the caches hold the same values.
 */
import type { PlanChart, PlanValue } from '../../core/report/plan';
import { colLetter, quoteSheet } from './names';

/** Our drawings carry this in every shape name, so strip finds exactly ours. */
export const CHART_NAME_PREFIX = 'Skolanalys:';

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const EMU_PER_PX = 9525;

/** What the plan wrote at a cell (0-based), for the charts' caches. */
export type ValueAt = (row: number, col: number) => PlanValue | undefined;

export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function abs(row: number, col: number): string {
  return `$${colLetter(col + 1)}$${row + 1}`;
}

function ref(sheet: string, r0: number, c0: number, r1: number, c1: number): string {
  const a = abs(r0, c0);
  const b = abs(r1, c1);
  return `${quoteSheet(sheet)}!${a === b ? a : `${a}:${b}`}`;
}

type Cell = { row: number; col: number };

function strRef(sheet: string, cells: Cell[], values: ValueAt): string {
  const f = ref(sheet, cells[0].row, cells[0].col, cells[cells.length - 1].row, cells[cells.length - 1].col);
  const pts = cells.map((c, i) => `<c:pt idx="${i}"><c:v>${xmlEscape(String(values(c.row, c.col) ?? ''))}</c:v></c:pt>`).join('');
  return `<c:strRef><c:f>${xmlEscape(f)}</c:f><c:strCache><c:ptCount val="${cells.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(sheet: string, cells: Cell[], values: ValueAt, fmt: string): string {
  const f = ref(sheet, cells[0].row, cells[0].col, cells[cells.length - 1].row, cells[cells.length - 1].col);
  // Suppressed (`..`) and missing cells are gaps, never 0.
  const pts = cells
    .map((c, i) => ({ i, v: values(c.row, c.col) }))
    .filter((p) => typeof p.v === 'number')
    .map((p) => `<c:pt idx="${p.i}"><c:v>${p.v}</c:v></c:pt>`)
    .join('');
  return `<c:numRef><c:f>${xmlEscape(f)}</c:f><c:numCache><c:formatCode>${xmlEscape(fmt)}</c:formatCode><c:ptCount val="${cells.length}"/>${pts}</c:numCache></c:numRef>`;
}

function richText(text: string, size = 1200, bold = true): string {
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="sv-SE" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${xmlEscape(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

const PALETTE = ['1F4E79', '2E75B6', '9DC3E6', 'C55A11', 'F4B183', '548235', 'A9D18E', '7F7F7F'];

/** The series of a chart: name cell, category cells, value cells. */
export function chartSeries(chart: PlanChart): { name: Cell; cats: Cell[]; vals: Cell[] }[] {
  const { row, col, rows, cols } = chart.data;
  const out: { name: Cell; cats: Cell[]; vals: Cell[] }[] = [];
  if ((chart.seriesBy ?? 'columns') === 'columns') {
    const cats = Array.from({ length: rows - 1 }, (_, i) => ({ row: row + 1 + i, col }));
    for (let j = 1; j < cols; j++) out.push({ name: { row, col: col + j }, cats, vals: cats.map((c) => ({ row: c.row, col: col + j })) });
  } else {
    const cats = Array.from({ length: cols - 1 }, (_, j) => ({ row, col: col + 1 + j }));
    for (let i = 1; i < rows; i++) out.push({ name: { row: row + i, col }, cats, vals: cats.map((c) => ({ row: row + i, col: c.col })) });
  }
  return out;
}

/** The chart part (chartN.xml) for one plan chart on sheet `sheet`. */
export function chartXml(chart: PlanChart, sheet: string, values: ValueAt): string {
  const series = chartSeries(chart);
  const pie = chart.type === 'pie';
  const fmt = chart.percentAxis ? '0%' : 'General';
  const ser = (pie ? series.slice(0, 1) : series)
    .map((s, i) => {
      const color = PALETTE[i % PALETTE.length];
      const sp = chart.type === 'line'
        ? `<c:spPr><a:ln w="28575"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="6"/></c:marker>`
        : pie ? '' : `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`;
      const dPts = pie
        ? s.cats.map((_, k) => `<c:dPt><c:idx val="${k}"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="${PALETTE[k % PALETTE.length]}"/></a:solidFill></c:spPr></c:dPt>`).join('')
        : '';
      return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx>${strRef(sheet, [s.name], values)}</c:tx>${sp}${dPts}` +
        `<c:cat>${strRef(sheet, s.cats, values)}</c:cat><c:val>${numRef(sheet, s.vals, values, fmt)}</c:val>` +
        (chart.type === 'line' ? '<c:smooth val="0"/>' : '') + '</c:ser>';
    })
    .join('');
  const axIds = '<c:axId val="500000001"/><c:axId val="500000002"/>';
  let plot: string;
  if (pie) {
    plot = `<c:pieChart><c:varyColors val="1"/>${ser}<c:dLbls><c:numFmt formatCode="${fmt}" sourceLinked="0"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/><c:showLeaderLines val="1"/></c:dLbls><c:firstSliceAng val="0"/></c:pieChart>`;
  } else if (chart.type === 'line') {
    plot = `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${ser}<c:marker val="1"/>${axIds}</c:lineChart>`;
  } else {
    const dir = chart.type === 'column' || chart.type === 'stackedColumn' ? 'col' : 'bar';
    const grouping = chart.type === 'stackedColumn' || chart.type === 'stackedBar' ? 'stacked' : chart.type === 'percentStackedBar' ? 'percentStacked' : 'clustered';
    const overlap = grouping === 'clustered' ? '' : '<c:overlap val="100"/>';
    plot = `<c:barChart><c:barDir val="${dir}"/><c:grouping val="${grouping}"/><c:varyColors val="0"/>${ser}<c:gapWidth val="80"/>${overlap}${axIds}</c:barChart>`;
  }
  const horizontal = chart.type === 'bar' || chart.type === 'stackedBar' || chart.type === 'percentStackedBar';
  const axes = pie ? '' :
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/>${chart.percentAxis || chart.type === 'percentStackedBar' ? '<c:max val="1"/><c:min val="0"/>' : ''}</c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? 't' : 'l'}"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    (chart.yAxisTitle ? `<c:title>${richText(chart.yAxisTitle, 1000, false)}<c:overlay val="0"/></c:title>` : '') +
    `<c:numFmt formatCode="${chart.percentAxis || chart.type === 'percentStackedBar' ? '0%' : 'General'}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/>` +
    `<c:chart><c:title>${richText(chart.title)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}${axes}</c:plotArea>` +
    `<c:legend><c:legendPos val="${pie ? 'r' : 'b'}"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>` +
    `</c:chartSpace>`;
}

/** Pixels of a column `w` characters wide (Excel's Calibri 11 rule of thumb: 7 px per character + 5). */
function colPx(w: number | undefined): number {
  return Math.round((w ?? 9.140625) * 7 + 5);
}

/** Cell + offset (EMU) that lies `px` pixels right of column `col`'s left edge. */
function walkCols(col: number, px: number, widths: number[] | undefined): { col: number; off: number } {
  let c = col;
  let left = px;
  while (left >= colPx(widths?.[c])) {
    left -= colPx(widths?.[c]);
    c++;
  }
  return { col: c, off: left * EMU_PER_PX };
}

const ROW_PX = 20;

/** The drawing part placing `charts` on a sheet; chart k is rel `rId{k+1}`. */
export function drawingXml(charts: PlanChart[], widths?: number[]): string {
  const anchors = charts.map((ch, k) => {
    const a = ch.anchor;
    const to = walkCols(a.col, a.width, widths);
    const toRow = a.row + Math.floor(a.height / ROW_PX);
    const toRowOff = (a.height % ROW_PX) * EMU_PER_PX;
    return `<xdr:twoCellAnchor editAs="oneCell">` +
      `<xdr:from><xdr:col>${a.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:to><xdr:col>${to.col}</xdr:col><xdr:colOff>${to.off}</xdr:colOff><xdr:row>${toRow}</xdr:row><xdr:rowOff>${toRowOff}</xdr:rowOff></xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${k + 2}" name="${xmlEscape(CHART_NAME_PREFIX + ch.id)}" descr="${xmlEscape(ch.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="${a.width * EMU_PER_PX}" cy="${a.height * EMU_PER_PX}"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rId${k + 1}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors.join('')}</xdr:wsDr>`;
}
