// Schemas of the reference-data files in resources/reference/ (countries, languages, areas, message
// types, economic activities, policy areas); the aggregate with its cross-checks is in referenceData.ts.
import { z } from 'zod';
import { COMMISSION_PSEUDO_COUNTRY, CountryCode, LanguageCode, LegislativeArea, Workflow } from './codes';
import { Id } from './questionSet';
import { LocalizedText } from './text';
import { MessageType } from '../request/requestCase';

export const Country = z.object({
  code: z.union([CountryCode, z.literal(COMMISSION_PSEUDO_COUNTRY)]),
  name: LocalizedText,
  /** The name(s) in the country's own official language(s); empty for the Commission. */
  nativeNames: z.array(z.string().min(1)),
  euMember: z.boolean(),
  /** True only for the Commission, which receives alerts like a country but is not one. */
  pseudoCountry: z.boolean().default(false),
});
export type Country = z.infer<typeof Country>;

export const Language = z.object({
  code: LanguageCode,
  name: LocalizedText,
  nativeName: z.string().min(1),
  officialEuLanguage: z.boolean(),
});
export type Language = z.infer<typeof Language>;

/** A keyword or regulated profession used to describe an authority's competence. */
export const Term = z.object({ id: Id, label: LocalizedText });
export type Term = z.infer<typeof Term>;

export const LegislativeAreaInfo = z.object({
  code: LegislativeArea,
  title: LocalizedText,
  /** The legal act, e.g. "Directive 2005/36/EC". */
  legalAct: z.string().min(1),
  workflows: z.array(Workflow).min(1),
  keywords: z.array(Term).min(1),
  /** Regulated professions: only Professional Qualifications has them. */
  professions: z.array(Term).default([]),
});
export type LegislativeAreaInfo = z.infer<typeof LegislativeAreaInfo>;

export const MessageTypeInfo = z.object({ code: MessageType, label: LocalizedText, description: LocalizedText.optional() });
export type MessageTypeInfo = z.infer<typeof MessageTypeInfo>;

/** A node of a hierarchical classification (NACE sections/divisions/groups, policy areas). */
export interface ClassificationNode {
  code: string;
  label: LocalizedText;
  children: ClassificationNode[];
}
export const ClassificationNode: z.ZodType<ClassificationNode, unknown> = z.object({
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'classification code'),
  label: LocalizedText,
  get children() {
    return z.array(ClassificationNode).default([]);
  },
});
