import PDFDocument from 'pdfkit';
import { ReportBlock, ReportDocument } from './report-document';

type Pdf = PDFKit.PDFDocument;
type TableBlock = Extract<ReportBlock, { kind: 'table' }>;

const PAGE = { size: 'A4' as const, margin: 56, bottom: 64 };
const COLOURS = {
  ink: '#1f2933',
  muted: '#5f6b7a',
  accent: '#1d4e89',
  band: '#e8eef6',
  rule: '#c5d0dc',
  zebra: '#f4f6f9',
};
const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };

/**
 * The standard PDF fonts speak Windows-1252: French accents, « », ’, — and œ
 * are in it; the narrow no-break space some formatters emit is not.
 */
const pdfText = (text: string) => text.replace(/[\u202f\u2009]/g, '\u00a0');

/**
 * The report as a PDF a board would publish: a title page with its contents,
 * sections that open a page when the previous one is well filled, key figures
 * as cards, tables whose header repeats on each page, numbered pages.
 */
export function renderAccountabilityPdf(doc: ReportDocument): Promise<Buffer> {
  const pdf: Pdf = new PDFDocument({
    size: PAGE.size,
    margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: PAGE.bottom },
    bufferPages: true,
    info: { Title: `${doc.title} — ${doc.subtitle}`, Author: 'Delibera', Subject: doc.subtitle },
    lang: doc.locale === 'fr' ? 'fr-CA' : 'en-CA',
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const width = pdf.page.width - PAGE.margin * 2;
  const sectionPages: number[] = [];
  const titleBottom = titlePage(pdf, doc, width);
  doc.sections.forEach((section, i) => {
    // A section opens a page, unless the previous one left more than half of its page free.
    if (i === 0 || pdf.y > pdf.page.height / 2) {
      pdf.addPage();
      pdf.y = PAGE.margin;
    } else {
      pdf.y += 24;
    }
    sectionPages.push(pdf.bufferedPageRange().count);
    heading(pdf, section.heading, width);
    for (const block of section.blocks) renderBlock(pdf, block, width);
  });
  contents(pdf, doc, sectionPages, width, titleBottom);
  footers(pdf, doc, width);
  pdf.end();
  return done;
}

/** Returns where the title page's text ends, for the contents to follow. */
function titlePage(pdf: Pdf, doc: ReportDocument, width: number): number {
  pdf.rect(0, 0, pdf.page.width, 250).fill(COLOURS.accent);
  pdf
    .fillColor('#ffffff')
    .font(FONT.bold)
    .fontSize(28)
    .text(pdfText(doc.title), PAGE.margin, 110, { width });
  pdf.moveDown(0.4).font(FONT.regular).fontSize(16).text(pdfText(doc.subtitle), { width });
  pdf.fillColor(COLOURS.ink).font(FONT.regular).fontSize(11);
  pdf.y = 280;
  for (const line of doc.meta) pdf.text(pdfText(line), PAGE.margin, pdf.y, { width });
  pdf.moveDown(1.5).fontSize(11).text(pdfText(doc.intro), { width, align: 'justify', lineGap: 3 });
  pdf.moveDown(2);
  return pdf.y;
}

/** The table of contents, on the title page, once the sections' pages are known. */
function contents(
  pdf: Pdf,
  doc: ReportDocument,
  pages: number[],
  width: number,
  titleBottom: number,
): void {
  pdf.switchToPage(0);
  const top = Math.max(titleBottom, 470);
  pdf.font(FONT.bold).fontSize(13).fillColor(COLOURS.accent);
  pdf.text(doc.locale === 'fr' ? 'Sommaire' : 'Contents', PAGE.margin, top, { width });
  pdf.moveDown(0.5).font(FONT.regular).fontSize(11).fillColor(COLOURS.ink);
  doc.sections.forEach((section, i) => {
    const y = pdf.y;
    pdf.text(`${i + 1}.  ${pdfText(section.heading)}`, PAGE.margin, y, { width: width - 40 });
    pdf.text(String(pages[i]), PAGE.margin, y, { width, align: 'right' });
    pdf.moveDown(0.35);
  });
}

function footers(pdf: Pdf, doc: ReportDocument, width: number): void {
  const { count } = pdf.bufferedPageRange();
  for (let i = 1; i < count; i++) {
    pdf.switchToPage(i);
    // Writing in the bottom margin would otherwise start a new page.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const y = pdf.page.height - 40;
    pdf
      .moveTo(PAGE.margin, y - 8)
      .lineTo(PAGE.margin + width, y - 8)
      .lineWidth(0.5)
      .strokeColor(COLOURS.rule)
      .stroke();
    pdf.font(FONT.regular).fontSize(8).fillColor(COLOURS.muted);
    pdf.text(pdfText(doc.footer), PAGE.margin, y, { width: width - 80, lineBreak: false });
    pdf.text(doc.pageLabel(i + 1, count), PAGE.margin, y, {
      width,
      align: 'right',
      lineBreak: false,
    });
    pdf.page.margins.bottom = bottom;
  }
}

function heading(pdf: Pdf, text: string, width: number): void {
  ensureSpace(pdf, 120);
  pdf
    .font(FONT.bold)
    .fontSize(20)
    .fillColor(COLOURS.accent)
    .text(pdfText(text), PAGE.margin, pdf.y, { width });
  const y = pdf.y + 4;
  pdf
    .moveTo(PAGE.margin, y)
    .lineTo(PAGE.margin + width, y)
    .lineWidth(1.5)
    .strokeColor(COLOURS.accent)
    .stroke();
  pdf.y = y + 14;
}

const bottomLimit = (pdf: Pdf) => pdf.page.height - PAGE.bottom;

function ensureSpace(pdf: Pdf, height: number): void {
  if (pdf.y + height > bottomLimit(pdf)) {
    pdf.addPage();
    pdf.y = PAGE.margin;
  }
}

function renderBlock(pdf: Pdf, block: ReportBlock, width: number): void {
  switch (block.kind) {
    case 'paragraph':
      pdf.font(FONT.regular).fontSize(10.5).fillColor(COLOURS.ink);
      ensureSpace(pdf, pdf.heightOfString(pdfText(block.text), { width }));
      pdf.text(pdfText(block.text), PAGE.margin, pdf.y, { width, align: 'justify', lineGap: 2 });
      pdf.moveDown(0.8);
      return;
    case 'note':
      pdf.font(FONT.italic).fontSize(9).fillColor(COLOURS.muted);
      ensureSpace(pdf, pdf.heightOfString(pdfText(block.text), { width }));
      pdf.text(pdfText(block.text), PAGE.margin, pdf.y, { width });
      pdf.moveDown(0.8);
      return;
    case 'figures':
      return figures(pdf, block.items, width);
    case 'table':
      return table(pdf, block, width);
  }
}

/** Key figures as cards, three to a row. */
function figures(pdf: Pdf, items: { label: string; value: string }[], width: number): void {
  const perRow = 3;
  const gap = 10;
  const cardWidth = (width - gap * (perRow - 1)) / perRow;
  const cardHeight = 58;
  for (let i = 0; i < items.length; i += perRow) {
    ensureSpace(pdf, cardHeight + gap);
    const y = pdf.y;
    items.slice(i, i + perRow).forEach((item, j) => {
      const x = PAGE.margin + j * (cardWidth + gap);
      pdf.rect(x, y, cardWidth, cardHeight).fill(COLOURS.band);
      // The value on one line: a long amount gets a smaller size rather than a second line.
      const value = pdfText(item.value);
      let size = 15;
      pdf.font(FONT.bold).fontSize(size);
      while (size > 8 && pdf.widthOfString(value) > cardWidth - 16) pdf.fontSize((size -= 0.5));
      pdf.fillColor(COLOURS.accent).text(value, x + 8, y + 9 + (15 - size) / 2, {
        width: cardWidth - 16,
        lineBreak: false,
      });
      pdf.font(FONT.regular).fontSize(8.5).fillColor(COLOURS.muted);
      pdf.text(pdfText(item.label), x + 8, y + 32, {
        width: cardWidth - 16,
        height: 22,
        ellipsis: true,
      });
    });
    pdf.y = y + cardHeight + gap;
  }
  pdf.moveDown(0.6);
}

function table(pdf: Pdf, block: TableBlock, width: number): void {
  const pad = 4;
  const fontSize = block.columns.length > 5 ? 8 : 9;
  const widths = columnWidths(pdf, block, width, pad, fontSize);
  const rowHeight = (cells: string[], font: string) => {
    pdf.font(font).fontSize(fontSize);
    const heights = cells.map((cell, i) =>
      pdf.heightOfString(pdfText(cell), { width: widths[i] - pad * 2 }),
    );
    return Math.max(...heights) + pad * 2;
  };
  const drawRow = (cells: string[], font: string, fill: string | null, colour: string) => {
    const height = rowHeight(cells, font);
    const y = pdf.y;
    if (fill) pdf.rect(PAGE.margin, y, width, height).fill(fill);
    let x = PAGE.margin;
    pdf.font(font).fontSize(fontSize).fillColor(colour);
    cells.forEach((cell, i) => {
      pdf.text(pdfText(cell), x + pad, y + pad, {
        width: widths[i] - pad * 2,
        align: block.columns[i].align,
      });
      x += widths[i];
    });
    pdf.y = y + height;
  };
  const header = block.columns.map((c) => c.label);
  // The caption stays with the header and the first row.
  pdf.font(FONT.bold).fontSize(11);
  const captionHeight = pdf.heightOfString(pdfText(block.caption), { width });
  const firstRow = block.rows[0] ? rowHeight(block.rows[0], FONT.regular) : 14;
  ensureSpace(pdf, captionHeight + rowHeight(header, FONT.bold) + firstRow + 8);
  pdf
    .font(FONT.bold)
    .fontSize(11)
    .fillColor(COLOURS.ink)
    .text(pdfText(block.caption), PAGE.margin, pdf.y, { width });
  pdf.moveDown(0.3);
  if (block.rows.length === 0) {
    pdf.font(FONT.italic).fontSize(9.5).fillColor(COLOURS.muted).text(pdfText(block.empty), {
      width,
    });
    pdf.moveDown(1);
    return;
  }
  drawRow(header, FONT.bold, COLOURS.accent, '#ffffff');
  block.rows.forEach((row, i) => {
    if (pdf.y + rowHeight(row, FONT.regular) > bottomLimit(pdf)) {
      pdf.addPage();
      pdf.y = PAGE.margin;
      drawRow(header, FONT.bold, COLOURS.accent, '#ffffff');
    }
    drawRow(row, FONT.regular, i % 2 === 1 ? COLOURS.zebra : null, COLOURS.ink);
  });
  const y = pdf.y;
  pdf
    .moveTo(PAGE.margin, y)
    .lineTo(PAGE.margin + width, y)
    .lineWidth(0.5)
    .strokeColor(COLOURS.rule)
    .stroke();
  pdf.y = y + 16;
}

/**
 * Column widths from the layout's weights, but never narrower than a header
 * word or a right-aligned figure (so no word breaks mid-way); the room this
 * takes comes from the wider text columns.
 */
function columnWidths(
  pdf: Pdf,
  block: TableBlock,
  width: number,
  pad: number,
  fontSize: number,
): number[] {
  const total = block.columns.reduce((sum, c) => sum + c.width, 0);
  const wanted = block.columns.map((c) => (c.width / total) * width);
  const least = block.columns.map((column, i) => {
    pdf.font(FONT.bold).fontSize(fontSize);
    const words = pdfText(column.label)
      .split(/\s+/)
      .map((word) => pdf.widthOfString(word));
    pdf.font(FONT.regular).fontSize(fontSize);
    const figures =
      column.align === 'right'
        ? block.rows.map((row) => pdf.widthOfString(pdfText(row[i] ?? '')))
        : [];
    return Math.max(0, ...words, ...figures) + pad * 2 + 1;
  });
  const widths = wanted.map((w, i) => Math.max(w, least[i]));
  const excess = widths.reduce((sum, w) => sum + w, 0) - width;
  if (excess <= 0) return widths;
  const slack = widths.map((w, i) => Math.max(w - least[i], 0));
  const totalSlack = slack.reduce((sum, s) => sum + s, 0);
  if (totalSlack < excess) return wanted;
  return widths.map((w, i) => w - (excess * slack[i]) / totalSlack);
}
