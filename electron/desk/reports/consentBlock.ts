// The part that turns the report for the data subject into a consent form: the disclaimer and a block
// for the subject's name, place, date and signature, kept together on one page.
import type { Content } from 'pdfmake/interfaces';
import { heading } from './reportDocument';
import type { ReportLabels } from './reportLabels';

/** A labelled line to write on by hand. */
function line(label: string, width = 300): Content {
  return {
    stack: [
      { canvas: [{ type: 'line', x1: 0, y1: 24, x2: width, y2: 24, lineWidth: 0.5 }] },
      { text: label, fontSize: 8, color: '#555555', margin: [0, 2, 0, 0] },
    ],
  };
}

export function consentBlock(labels: ReportLabels): Content[] {
  return [
    heading(labels.section.disclaimer),
    { text: labels.consent.disclaimer, alignment: 'justify' },
    {
      unbreakable: true,
      stack: [
        heading(labels.section.signature),
        { text: labels.consent.statement, margin: [0, 0, 0, 8] },
        line(labels.consent.name),
        { columns: [line(labels.consent.place, 200), line(labels.consent.date, 200)], columnGap: 20 },
        line(labels.consent.signature),
      ],
    },
  ];
}
