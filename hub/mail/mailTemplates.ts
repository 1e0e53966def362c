// The automatic e-mails of SPEC §4 and §11 as data: one JSON file per language under templates/, English complete,
// other languages may lack a template and then fall back to English. Every file on disk is loaded and checked
// once, at start-up (import): a malformed file or an undeclared placeholder stops the hub rather than a mail.
import { readFileSync, readdirSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_LANGUAGE, LanguageCode } from '../../shared/reference/codes';

const TEMPLATE_DIR = new URL('./templates/', import.meta.url);

export const MailTemplateId = z.enum([
  'temporaryPassword',
  'accountBlocked',
  'newIncomingRequest',
  'requestAllocated',
  'requestForwarded',
  'requestSplit',
  'requestAccepted',
  'replySent',
  'partialReplySent',
  'requestClosed',
  'requestWithdrawn',
  'requestRefused',
  'messageAdded',
  'additionalInfoRequested',
  'additionalInfoAccepted',
  'additionalInfoRefused',
  'approvalRequired',
  'approvalRejected',
  'referralReceived',
  'referralDecided',
]);
export type MailTemplateId = z.infer<typeof MailTemplateId>;

/** Every value a template may show. Deliberately tiny: nothing of an exchange, no name, never the username. */
export const MailPlaceholder = z.enum(['entryNumber', 'link', 'temporaryPassword', 'expiresAt']);
export type MailPlaceholder = z.infer<typeof MailPlaceholder>;

const REQUEST: readonly MailPlaceholder[] = ['entryNumber', 'link'];
/** The placeholders each template takes: exactly these must be given, no more. */
export const TEMPLATE_PLACEHOLDERS: Readonly<Record<MailTemplateId, readonly MailPlaceholder[]>> = {
  temporaryPassword: ['temporaryPassword', 'expiresAt', 'link'],
  accountBlocked: ['link'],
  newIncomingRequest: REQUEST,
  requestAllocated: REQUEST,
  requestForwarded: REQUEST,
  requestSplit: REQUEST,
  requestAccepted: REQUEST,
  replySent: REQUEST,
  partialReplySent: REQUEST,
  requestClosed: REQUEST,
  requestWithdrawn: REQUEST,
  requestRefused: REQUEST,
  messageAdded: REQUEST,
  additionalInfoRequested: REQUEST,
  additionalInfoAccepted: REQUEST,
  additionalInfoRefused: REQUEST,
  approvalRequired: REQUEST,
  approvalRejected: REQUEST,
  referralReceived: REQUEST,
  referralDecided: REQUEST,
};

export interface MailTemplate {
  subject: string;
  text: string;
}

/** `{name}` marks a placeholder; names are plain words so a template cannot smuggle in anything else. */
export const PLACEHOLDER_PATTERN = /\{([A-Za-z]+)\}/g;

export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[1] ?? '');
}

const Template = z.object({ subject: z.string().min(1).max(200), text: z.string().min(1).max(4000) });
const TemplateFile = z.partialRecord(MailTemplateId, Template);
// A record over an enum requires every key: English is the fallback, so it must be complete.
const CompleteTemplateFile = z.record(MailTemplateId, Template);

/** A template that uses a placeholder it does not declare would render an unchecked value: refuse to load it. */
function checkedFile<F extends Partial<Record<MailTemplateId, MailTemplate>>>(language: string, file: F): F {
  for (const [id, template] of Object.entries(file) as [MailTemplateId, MailTemplate][]) {
    const allowed = TEMPLATE_PLACEHOLDERS[id];
    for (const name of [...placeholdersIn(template.subject), ...placeholdersIn(template.text)]) {
      if (!allowed.includes(name as MailPlaceholder)) throw new Error(`mail template ${language}/${id} uses undeclared placeholder {${name}}`);
    }
  }
  return file;
}

/** The template files on disk, by language; a file named after no language of the reference data is refused. */
function templateFilesOnDisk(): Map<LanguageCode, unknown> {
  const files = new Map<LanguageCode, unknown>();
  for (const name of readdirSync(TEMPLATE_DIR).filter((f) => f.endsWith('.json')).sort()) {
    const language = LanguageCode.parse(name.slice(0, -'.json'.length));
    files.set(language, JSON.parse(readFileSync(new URL(name, TEMPLATE_DIR), 'utf8')));
  }
  return files;
}

const onDisk = templateFilesOnDisk();
const english: Readonly<Record<MailTemplateId, MailTemplate>> = checkedFile('en', CompleteTemplateFile.parse(onDisk.get('en')));
/** Templates per language; a language missing here, or a template missing in it, falls back to English. */
export const MAIL_TEMPLATES: Readonly<Partial<Record<LanguageCode, Partial<Record<MailTemplateId, MailTemplate>>>>> = Object.fromEntries(
  [...onDisk].map(([language, file]) => [language, language === 'en' ? english : checkedFile(language, TemplateFile.parse(file))]),
);

/** The template in the recipient's language, or the English one (translating all languages is a later issue). */
export function mailTemplate(id: MailTemplateId, language: LanguageCode): { template: MailTemplate; language: LanguageCode } {
  const translated = MAIL_TEMPLATES[language]?.[id];
  return translated ? { template: translated, language } : { template: english[id], language: DEFAULT_LANGUAGE };
}
