// Fills a mail template with its parameters, refusing anything but the declared placeholders with well-formed values,
// so no content of an exchange, no personal data and never a username can reach an e-mail (SPEC §4, §11).
import { z } from 'zod';
import type { LanguageCode } from '../../shared/reference/codes';
import { MailPlaceholder, PLACEHOLDER_PATTERN, TEMPLATE_PLACEHOLDERS, mailTemplate } from './mailTemplates';
import type { MailTemplateId } from './mailTemplates';

export const MAIL_LINK_SCHEME = 'imi-desk://';

/** What each placeholder may hold: a shape, never free text. */
const PARAM_SHAPES: Readonly<Record<MailPlaceholder, z.ZodType<string>>> = {
  entryNumber: z.string().regex(/^[1-9][0-9]{0,11}$/),
  link: z.string().max(200).regex(/^imi-desk:\/\/[A-Za-z0-9/_-]*$/),
  // Printable ASCII without spaces: what hub/auth generates; anything longer or spaced is not a password.
  temporaryPassword: z.string().regex(/^[\x21-\x7e]{8,64}$/),
  expiresAt: z.iso.datetime(),
};

export const MailRenderReason = z.enum(['MAIL_PARAM_MISSING', 'MAIL_PARAM_UNKNOWN', 'MAIL_PARAM_INVALID']);
export type MailRenderReason = z.infer<typeof MailRenderReason>;

export interface RenderedMail {
  subject: string;
  text: string;
  /** The language actually used: the recipient's, or English when no translation exists yet. */
  language: LanguageCode;
}
export type RenderOutcome = { ok: true; mail: RenderedMail } | { ok: false; reason: MailRenderReason; param: string };

export function renderMail(template: MailTemplateId, language: LanguageCode, params: Readonly<Record<string, string>>): RenderOutcome {
  const declared = TEMPLATE_PLACEHOLDERS[template];
  for (const [name, value] of Object.entries(params)) {
    const placeholder = MailPlaceholder.safeParse(name);
    if (!placeholder.success || !declared.includes(placeholder.data)) return { ok: false, reason: 'MAIL_PARAM_UNKNOWN', param: name };
    if (!PARAM_SHAPES[placeholder.data].safeParse(value).success) return { ok: false, reason: 'MAIL_PARAM_INVALID', param: name };
  }
  const missing = declared.find((name) => !Object.hasOwn(params, name));
  if (missing) return { ok: false, reason: 'MAIL_PARAM_MISSING', param: missing };

  const chosen = mailTemplate(template, language);
  // One pass over the template: a value is never scanned again, so a value containing "{x}" stays literal.
  const fill = (text: string) => text.replace(PLACEHOLDER_PATTERN, (_, name: string) => params[name] ?? '');
  return { ok: true, mail: { subject: fill(chosen.template.subject), text: fill(chosen.template.text), language: chosen.language } };
}

/** The link a request e-mail carries: it opens the entry in the desk, it does not reveal anything by itself. */
export function requestLink(entryNumber: number): string {
  return `${MAIL_LINK_SCHEME}request/${entryNumber}`;
}

/** The link for account e-mails: opens the desk's log-in. */
export const DESK_LINK = `${MAIL_LINK_SCHEME}login`;
