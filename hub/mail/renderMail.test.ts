import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_CODES } from '../../shared/reference/codes';
import { MAIL_TEMPLATES, MailTemplateId, mailTemplate, PLACEHOLDER_PATTERN, TEMPLATE_PLACEHOLDERS, placeholdersIn } from './mailTemplates';
import type { MailPlaceholder } from './mailTemplates';
import { DESK_LINK, renderMail, requestLink } from './renderMail';

/** A well-formed value per placeholder, each recognisable in the output. */
const SAMPLE: Readonly<Record<MailPlaceholder, string>> = {
  entryNumber: '63351',
  link: requestLink(63351),
  temporaryPassword: 'Tmp-7kQ9xZ2w',
  expiresAt: '2030-01-04T09:00:00.000Z',
};
const paramsFor = (id: MailTemplateId) => Object.fromEntries(TEMPLATE_PLACEHOLDERS[id].map((name) => [name, SAMPLE[name]]));

describe('mail templates', () => {
  it('has every template in English and uses only the placeholders each template declares, in every language', () => {
    for (const id of MailTemplateId.options) expect(MAIL_TEMPLATES.en?.[id]).toBeDefined();
    for (const [language, file] of Object.entries(MAIL_TEMPLATES)) {
      for (const [id, template] of Object.entries(file ?? {})) {
        const used = [...placeholdersIn(template.subject), ...placeholdersIn(template.text)];
        expect(used.every((name) => TEMPLATE_PLACEHOLDERS[id as MailTemplateId].includes(name as MailPlaceholder)), `${language}/${id}`).toBe(true);
      }
    }
  });

  it('gives every request e-mail a link to the entry', () => {
    for (const id of MailTemplateId.options) expect(MAIL_TEMPLATES.en?.[id]?.text).toContain('{link}');
  });

  it('cannot leak: in every template and language the output is the template text plus only the values given', () => {
    for (const id of MailTemplateId.options) {
      for (const language of LANGUAGE_CODES) {
        const rendered = renderMail(id, language, paramsFor(id));
        if (!rendered.ok) throw new Error(`${id}/${language}: ${rendered.reason}`);
        const source = MAIL_TEMPLATES[rendered.mail.language]?.[id];
        if (!source) throw new Error(`${id}/${language}: no source template`);
        // Putting the placeholders back (longest value first: the link contains the entry number) must give the
        // template itself: nothing else entered the mail.
        const values = Object.entries(paramsFor(id)).sort(([, a], [, b]) => b.length - a.length);
        const back = (text: string) => values.reduce((t, [name, value]) => t.split(value).join(`{${name}}`), text);
        expect(back(rendered.mail.subject)).toBe(source.subject);
        expect(back(rendered.mail.text)).toBe(source.text);
        expect(rendered.mail.text).not.toMatch(PLACEHOLDER_PATTERN);
      }
    }
  });

  it('renders in the recipient\'s language when a translation exists', () => {
    const german = renderMail('newIncomingRequest', 'de', paramsFor('newIncomingRequest'));
    const polish = renderMail('newIncomingRequest', 'pl', paramsFor('newIncomingRequest'));
    expect(german).toMatchObject({ ok: true, mail: { language: 'de', subject: 'IMI Desk: neues eingehendes Ersuchen 63351' } });
    expect(polish).toMatchObject({ ok: true, mail: { language: 'pl', subject: 'IMI Desk: nowy wniosek przychodzący 63351' } });
  });

  it('loads the template file of every language on disk', () => {
    const onDisk = readdirSync(new URL('./templates/', import.meta.url)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
    expect(Object.keys(MAIL_TEMPLATES).sort()).toEqual(onDisk);
  });

  it('falls back to English for a template a language lacks', () => {
    const { language, template } = mailTemplate('newIncomingRequest', 'is');
    if (MAIL_TEMPLATES.is?.newIncomingRequest) expect(language).toBe('is');
    else expect({ language, subject: template.subject }).toEqual({ language: 'en', subject: MAIL_TEMPLATES.en?.newIncomingRequest?.subject });
  });

  it('refuses a placeholder the template does not declare, such as a username', () => {
    const params = { ...paramsFor('temporaryPassword'), username: 'mmuster' };
    expect(renderMail('temporaryPassword', 'en', params)).toEqual({ ok: false, reason: 'MAIL_PARAM_UNKNOWN', param: 'username' });
    expect(renderMail('replySent', 'en', { ...paramsFor('replySent'), temporaryPassword: SAMPLE.temporaryPassword }))
      .toEqual({ ok: false, reason: 'MAIL_PARAM_UNKNOWN', param: 'temporaryPassword' });
  });

  it('refuses when a placeholder is missing', () => {
    expect(renderMail('replySent', 'en', { entryNumber: '63351' })).toEqual({ ok: false, reason: 'MAIL_PARAM_MISSING', param: 'link' });
  });

  it('refuses values that are not of their placeholder\'s shape, so no free text can travel in one', () => {
    expect(renderMail('replySent', 'en', { entryNumber: 'Maria Muster', link: requestLink(1) })).toMatchObject({ reason: 'MAIL_PARAM_INVALID', param: 'entryNumber' });
    expect(renderMail('replySent', 'en', { entryNumber: '1', link: 'https://evil.example/?q=subject' })).toMatchObject({ reason: 'MAIL_PARAM_INVALID', param: 'link' });
    expect(renderMail('accountBlocked', 'en', { link: DESK_LINK })).toMatchObject({ ok: true });
  });

  it('never mentions a username in the temporary password mail, in any language', () => {
    for (const language of LANGUAGE_CODES) {
      const rendered = renderMail('temporaryPassword', language, paramsFor('temporaryPassword'));
      expect(rendered.ok && rendered.mail.text).toContain(SAMPLE.temporaryPassword);
      expect(rendered.ok && rendered.mail.text).not.toMatch(/username:|benutzername:/i);
    }
  });
});
