// Building blocks shared by every report (requests now, alerts later): page set-up, styles, headings,
// label/value tables, free text with its language, masked values, and the footer as plain data.
import type { Content, StyleDictionary, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { LanguageCode } from '../../../shared/reference/codes';
import type { FreeText } from '../../../shared/reference/text';

/** What the screen shows in place of personal data the reader may not see. */
export const MASK = '********';
export const DASH = '—';

/**
 * pdfmake draws page numbers through a footer function, and a function cannot cross to the render worker;
 * so the footer travels as data and the worker turns it into the function.
 */
export interface FooterSpec {
  /** Left part, e.g. "Generated on … by …". */
  left: string;
  /** Right part with `{page}` and `{pages}` placeholders. */
  pageTemplate: string;
}

/** A report ready to render: plain, structured-cloneable data. */
export interface ReportDocument {
  definition: TDocumentDefinitions;
  footer: FooterSpec;
}

export interface ReportFrame {
  title: string;
  /** Short text repeated at the top of every page (e.g. entry number and report title). */
  runningHeader: string;
  /** Label/value rows under the title. */
  overview: ReadonlyArray<readonly [string, Content]>;
  body: Content[];
  footer: FooterSpec;
  language: LanguageCode;
  author: string;
  subject: string;
  createdAt: Date;
}

export const STYLES: StyleDictionary = {
  title: { fontSize: 16, bold: true, margin: [0, 0, 0, 6] },
  h1: { fontSize: 12, bold: true, color: '#003399', margin: [0, 14, 0, 6] },
  h2: { fontSize: 10, bold: true, margin: [0, 8, 0, 3] },
  label: { bold: true, color: '#333333' },
  lang: { color: '#666666', fontSize: 8 },
  masked: { color: '#555555', characterSpacing: 1 },
  note: { italics: true, color: '#555555', fontSize: 8, margin: [0, 2, 0, 4] },
  tableHeader: { bold: true, fillColor: '#e8ecf5' },
  running: { fontSize: 8, color: '#666666' },
};

export function heading(text: string, level: 'h1' | 'h2' = 'h1'): Content {
  return { text, style: level, headlineLevel: level === 'h1' ? 1 : 2 };
}

export function note(text: string): Content {
  return { text, style: 'note' };
}

export const masked = (): Content => ({ text: MASK, style: 'masked' });

/** Free text exactly as written, followed by the code of the language it was written in. */
export function freeText(t: FreeText): Content {
  return { text: [{ text: t.text }, { text: ` [${t.language}]`, style: 'lang' }] };
}

/** A two-column table of labels and values, kept together on one page when short. */
export function labelValueTable(rows: ReadonlyArray<readonly [string, Content]>): Content {
  if (rows.length === 0) return { text: '' };
  return {
    table: { widths: [150, '*'], body: rows.map(([label, value]): TableCell[] => [{ text: label, style: 'label' }, value]) },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 4],
  };
}

/** A table with a header row that repeats on every page it spans. */
export function listTable(headers: readonly string[], rows: readonly TableCell[][], widths: Array<number | '*' | 'auto'>): Content {
  return {
    table: { headerRows: 1, widths, body: [headers.map((h): TableCell => ({ text: h, style: 'tableHeader' })), ...rows] },
    layout: 'lightHorizontalLines',
    fontSize: 8,
    margin: [0, 0, 0, 4],
  };
}

export function frameReport(frame: ReportFrame): ReportDocument {
  return {
    definition: {
      pageSize: 'A4',
      pageMargins: [40, 50, 40, 50],
      language: frame.language,
      info: { title: frame.title, author: frame.author, subject: frame.subject, creator: 'IMI Desk', producer: 'IMI Desk', creationDate: frame.createdAt },
      header: { text: frame.runningHeader, style: 'running', margin: [40, 24, 40, 0] },
      content: [{ text: frame.title, style: 'title' }, labelValueTable(frame.overview), ...frame.body],
      styles: STYLES,
      defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 },
    },
    footer: frame.footer,
  };
}
