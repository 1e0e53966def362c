// The sections of a request report about what happened around the questions: comments per tab, messages,
// the attachment list and the history, each as a table in the report language.
import type { Content, TableCell } from 'pdfmake/interfaces';
import { localize } from '../../../shared/reference/text';
import { authorityName, userName } from './reportContext';
import type { SectionContext } from './reportContext';
import { DASH, freeText, heading, listTable } from './reportDocument';

const none = (ctx: SectionContext): Content => ({ text: ctx.labels.list.none });

/** A tab is the summary, the subject, the messages tab or a category of the question set. */
function tabName(ctx: SectionContext, tabId: string): string {
  if (tabId === 'summary' || tabId === 'subject' || tabId === 'messages') return ctx.labels.tab[tabId];
  const category = ctx.set?.categories.find((cat) => cat.id === tabId);
  return category ? localize(category.title, ctx.language) : tabId;
}

export function commentsSection(ctx: SectionContext): Content[] {
  const { c, labels } = ctx;
  const rows = c.tabComments.map((t): TableCell[] => [
    { text: tabName(ctx, t.tabId) }, { text: authorityName(ctx, t.authorityId) }, { text: ctx.fmt.dateTime(t.at) }, freeText(t.text),
  ]);
  return [heading(labels.section.comments), rows.length ? listTable([labels.list.tab, labels.list.authority, labels.list.date, labels.list.text], rows, [80, 100, 80, '*']) : none(ctx)];
}

export function messagesSection(ctx: SectionContext): Content[] {
  const { c, labels } = ctx;
  const rows = c.messages.map((m): TableCell[] => {
    const type = ctx.reference.messageTypeLabel(m.type);
    return [{ text: ctx.fmt.dateTime(m.at) }, { text: type ? localize(type, ctx.language) : m.type }, { text: authorityName(ctx, m.authorityId) }, freeText(m.text)];
  });
  return [heading(labels.section.messages), rows.length ? listTable([labels.list.date, labels.list.type, labels.list.authority, labels.list.text], rows, [80, 80, 100, '*']) : none(ctx)];
}

export function attachmentsSection(ctx: SectionContext): Content[] {
  const { c, labels, fmt } = ctx;
  const rows = c.attachments.map((a): TableCell[] => [
    { text: [{ text: a.name }, { text: ` [${a.nameLanguage}]`, style: 'lang' }] },
    { text: fmt.language(a.documentLanguage) },
    { text: tabName(ctx, a.tabId) },
    { text: fmt.bytes(a.size) },
    { text: `${authorityName(ctx, a.authorityId)}, ${fmt.dateTime(a.at)}` },
    a.comment ? freeText(a.comment) : { text: DASH },
  ]);
  const headers = [labels.list.name, labels.list.documentLanguage, labels.list.tab, labels.list.size, labels.list.authority, labels.list.comment];
  return [heading(labels.section.attachmentList), rows.length ? listTable(headers, rows, ['*', 60, 60, 45, 100, '*']) : none(ctx)];
}

export function historySection(ctx: SectionContext): Content[] {
  const { c, labels } = ctx;
  const actions: Readonly<Record<string, string>> = labels.action;
  const rows = c.history.map((h): TableCell[] => [
    { text: ctx.fmt.dateTime(h.at) },
    { text: actions[h.action] ?? h.action },
    { text: userName(ctx, h.userId) },
    { text: authorityName(ctx, h.authorityId) },
    { text: labels.status[h.status] },
    h.justification ? freeText(h.justification) : { text: DASH },
  ]);
  const headers = [labels.list.date, labels.list.action, labels.list.user, labels.list.authority, labels.list.status, labels.list.justification];
  return [heading(labels.section.history), rows.length ? listTable(headers, rows, [75, 80, 65, 85, 70, '*']) : none(ctx)];
}
