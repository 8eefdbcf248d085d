import { formatMoney, type CompanySettings, type Locale, type Quote } from '@crm/contracts';
import { localDate } from '../../platform/company.js';
import { t } from '../../platform/i18n.js';
import { openImage, renderPdf, type PdfDocument } from '../../platform/pdf.js';

/**
 * The quotation (报价单) as a PDF, laid out like the printable page: the company, the quote's
 * number and revision, customer, dates, the lines, totals in yuan, the rounding rule and the terms,
 * labelled in `locale`. One font (the CJK font, subset) for Chinese and Latin text alike.
 */

const ink = '#1f1f1f';
const muted = '#595959';
const rule = '#8c8c8c';
const shade = '#f0f0f0';

interface Column {
  key: string;
  width: number;
  align: 'left' | 'right';
}

// Widths in points; they add up to the A4 page's width inside 48 pt margins (499 pt).
const columns: Column[] = [
  { key: '#', width: 18, align: 'left' },
  { key: 'quotePdfProduct', width: 135, align: 'left' },
  { key: 'quotePdfQuantity', width: 44, align: 'right' },
  { key: 'quotePdfUnit', width: 30, align: 'left' },
  { key: 'quotePdfUnitPrice', width: 62, align: 'right' },
  { key: 'quotePdfDiscount', width: 40, align: 'right' },
  { key: 'quotePdfTaxRate', width: 32, align: 'right' },
  { key: 'quotePdfNet', width: 66, align: 'right' },
  { key: 'quotePdfLineTotal', width: 72, align: 'right' },
];
const pad = 3;
const tableSize = 8.5;

/** The company's name in the reader's language first; the other one (when set and different) below it. */
export function companyNames(company: Pick<CompanySettings, 'name' | 'nameEn'>, locale: Locale): { primary: string; secondary: string | null } {
  const ordered = (locale === 'zh-CN' ? [company.name, company.nameEn] : [company.nameEn, company.name]).map((n) => n.trim()).filter(Boolean);
  const [primary = 'CRM', secondary = null] = ordered;
  return { primary, secondary: secondary && secondary !== primary ? secondary : null };
}

/** The file's name: "报价单-BJ-2026-000012-v2.pdf" / "Quotation-BJ-2026-000012-v2.pdf". */
export function quotePdfFileName(quote: Pick<Quote, 'number' | 'revision'>, locale: Locale): string {
  return `${t(locale, 'quotePdfFile')}-${quote.number}-v${quote.revision}.pdf`;
}

/** `logo`: the company logo's bytes (a PNG or JPEG checked when it was uploaded), drawn at the top left. */
export function renderQuotePdf(quote: Quote, company: CompanySettings, locale: Locale, logo: Buffer | null = null): Promise<Buffer> {
  const names = companyNames(company, locale);
  const title = `${t(locale, 'quotePdfTitle')} ${quote.number}`;
  return renderPdf({ title, author: names.primary, language: locale }, (doc) => drawQuote(doc, quote, company, names, locale, logo));
}

// The logo's box at the top left: its height at most, its width at most (aspect kept).
const logoHeight = 40;
const logoWidth = 140;
const logoGap = 12;

/** The letterhead: the logo (when there is one) and beside it the company's name in both languages. */
function drawLetterhead(doc: PdfDocument, names: { primary: string; secondary: string | null }, logo: Buffer | null): void {
  const left = doc.page.margins.left;
  const top = doc.page.margins.top;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  let indent = 0;
  let bottom = top;
  let nameTop = top;
  if (logo) {
    const image = openImage(doc, logo);
    const scale = Math.min(logoHeight / image.height, logoWidth / image.width);
    image.draw(left, top, image.width * scale, image.height * scale);
    indent = image.width * scale + logoGap;
    bottom = top + image.height * scale;
    // The name centred on the logo's height when it is the shorter.
    const nameHeight = doc.fontSize(16).heightOfString(names.primary, { width: width - indent }) + (names.secondary ? doc.fontSize(10).heightOfString(names.secondary, { width: width - indent }) : 0);
    nameTop = top + Math.max(0, (bottom - top - nameHeight) / 2);
  }
  doc.fillColor(ink).fontSize(16).text(names.primary, left + indent, nameTop, { width: width - indent });
  if (names.secondary) doc.fillColor(muted).fontSize(10).text(names.secondary, { width: width - indent });
  doc.x = left;
  doc.y = Math.max(doc.y, bottom);
}

function drawQuote(doc: PdfDocument, quote: Quote, company: CompanySettings, names: { primary: string; secondary: string | null }, locale: Locale, logo: Buffer | null): void {
  const money = (fen: number) => formatMoney(fen, quote.currency, locale);
  const quantity = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const label = (key: string) => t(locale, key);

  // The company: its logo and its name in both languages (when both are set).
  drawLetterhead(doc, names, logo);
  doc.moveDown(0.4);
  hrule(doc, doc.y);
  doc.moveDown(0.6);
  doc.fillColor(ink).fontSize(20).text(label('quotePdfTitle'), left, doc.y, { width, align: 'center' });
  doc.moveDown(0.6);

  // The facts, two columns of "label：value".
  const date = localDate(new Date(quote.updatedAt), company.timeZone);
  const facts: Array<[string, string]> = [
    [label('quotePdfCompany'), names.primary],
    [label('quotePdfNo'), `${quote.number} (${t(locale, 'quotePdfRevision', { revision: quote.revision })})`],
    [label('quotePdfCustomer'), quote.customerName],
    [label('quotePdfDate'), date],
    [label('quotePdfSubject'), quote.title],
    [label('quotePdfValidUntil'), quote.validUntil],
  ];
  const colon = locale === 'zh-CN' ? '：' : ': ';
  const half = (width - 16) / 2;
  doc.fontSize(10);
  for (let i = 0; i < facts.length; i += 2) {
    const top = doc.y;
    let bottom = top;
    facts.slice(i, i + 2).forEach(([name, value], j) => {
      const x = left + j * (half + 16);
      doc.fillColor(muted).text(`${name}${colon}`, x, top, { continued: true, width: half }).fillColor(ink).text(value);
      bottom = Math.max(bottom, doc.y);
    });
    doc.y = bottom + 3;
  }
  doc.moveDown(0.6);

  // The lines: a header row, repeated on each page the table continues on.
  const header = columns.map((c) => (c.key === '#' ? '#' : label(c.key)));
  drawRow(doc, header.map((text) => ({ text, fit: true })), { header: true });
  if (quote.lines.length === 0) {
    doc.fillColor(muted).fontSize(tableSize).text(label('quotePdfNoLines'), left + pad, doc.y + pad, { width });
    doc.moveDown(0.5);
  }
  for (const line of quote.lines) {
    const cells: Cell[] = [
      { text: String(line.position) },
      { text: line.productName, sub: [line.productCode, line.note].filter(Boolean).join(' · ') || undefined },
      { text: quantity.format(line.quantity) },
      { text: line.unit },
      { text: money(line.unitPrice), fit: true },
      { text: line.discountPercent ? `${line.discountPercent}%` : '' },
      { text: `${line.taxRate}%` },
      { text: money(line.net), fit: true },
      { text: money(line.total), fit: true },
    ];
    if (doc.y + rowHeight(doc, cells) > bottomOf(doc)) {
      doc.addPage();
      drawRow(doc, header.map((text) => ({ text, fit: true })), { header: true });
    }
    drawRow(doc, cells, {});
  }

  // Totals, right-aligned under the amounts.
  doc.moveDown(0.6);
  const labelWidth = 150;
  const valueWidth = 120;
  const totals: Array<[string, number, boolean]> = [
    [label('quotePdfSubtotal'), quote.subtotal, false],
    [label('quotePdfTaxTotal'), quote.taxTotal, false],
    [label('quotePdfTotal'), quote.total, true],
  ];
  if (doc.y + totals.length * 18 > bottomOf(doc)) doc.addPage();
  for (const [name, fen, strong] of totals) {
    const top = doc.y;
    const size = strong ? 12 : 10;
    doc.fillColor(strong ? ink : muted).fontSize(10).text(name, left + width - labelWidth - valueWidth, top + (strong ? 1.5 : 0), { width: labelWidth - 8, align: 'right' });
    doc.fillColor(ink).fontSize(fittedSize(doc, money(fen), valueWidth, size)).text(money(fen), left + width - valueWidth, top, { width: valueWidth, align: 'right' });
    doc.y = top + size + 7;
  }

  // The rounding rule, then the terms.
  doc.moveDown(0.6);
  doc.fillColor(muted).fontSize(8.5).text(label('quotePdfRounding'), left, doc.y, { width });
  if (quote.terms) {
    doc.moveDown(0.8);
    if (doc.y + 40 > bottomOf(doc)) doc.addPage();
    doc.fillColor(ink).fontSize(11).text(label('quotePdfTerms'), left, doc.y, { width });
    doc.moveDown(0.2);
    doc.fontSize(9.5).text(quote.terms, left, doc.y, { width });
  }

  // Every page: the number and "page x of n" at the foot.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { bottom } = doc.page.margins;
    // Writing below the bottom margin would start a new page: lift the margin while the footer is written.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - bottom + 14;
    doc.fillColor(muted).fontSize(8);
    doc.text(`${quote.number} · ${names.primary}`, left, y, { width: width / 2, lineBreak: false, ellipsis: true });
    doc.text(t(locale, 'quotePdfPage', { page: i - range.start + 1, pages: range.count }), left + width / 2, y, { width: width / 2, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

interface Cell {
  text: string;
  /** A second, smaller line (the product's code and the line's note). */
  sub?: string | undefined;
  /** Shrink to stay on one line (amounts) rather than wrap. */
  fit?: boolean;
}

const bottomOf = (doc: PdfDocument) => doc.page.height - doc.page.margins.bottom;

function hrule(doc: PdfDocument, y: number, color = rule): void {
  const left = doc.page.margins.left;
  doc.save().moveTo(left, y).lineTo(doc.page.width - doc.page.margins.right, y).lineWidth(0.6).strokeColor(color).stroke().restore();
}

/** The font size at which `text` fits `width` on one line: `size`, or smaller down to 5.5 pt. */
function fittedSize(doc: PdfDocument, text: string, width: number, size: number): number {
  doc.fontSize(size);
  const natural = doc.widthOfString(text);
  return natural <= width ? size : Math.max(5.5, Math.floor((size * width * 10) / natural) / 10);
}

function cellHeight(doc: PdfDocument, cell: Cell, column: Column, size: number): number {
  const inner = column.width - 2 * pad;
  if (cell.fit) return size * 1.3;
  doc.fontSize(size);
  let height = doc.heightOfString(cell.text || ' ', { width: inner });
  if (cell.sub) height += doc.fontSize(size - 1.5).heightOfString(cell.sub, { width: inner });
  return height;
}

function rowHeight(doc: PdfDocument, cells: Cell[]): number {
  return Math.max(...cells.map((cell, i) => cellHeight(doc, cell, columns[i] as Column, tableSize))) + 2 * pad;
}

function drawRow(doc: PdfDocument, cells: Cell[], options: { header?: boolean }): void {
  const top = doc.y;
  const height = rowHeight(doc, cells);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  if (options.header) doc.save().rect(left, top, width, height).fill(shade).restore();
  let x = left;
  cells.forEach((cell, i) => {
    const column = columns[i] as Column;
    const inner = column.width - 2 * pad;
    const size = cell.fit ? fittedSize(doc, cell.text, inner, tableSize) : tableSize;
    doc.fillColor(options.header ? muted : ink).fontSize(size).text(cell.text, x + pad, top + pad, { width: inner, align: column.align, lineBreak: !cell.fit });
    if (cell.sub) doc.fillColor(muted).fontSize(tableSize - 1.5).text(cell.sub, x + pad, doc.y, { width: inner, align: column.align });
    x += column.width;
  });
  hrule(doc, top + height, options.header ? rule : '#d9d9d9');
  doc.y = top + height;
  doc.x = left;
}
