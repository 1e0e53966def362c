// Checks that span several reference files (complete country and language lists, one subject section
// per area, consistent question sets); each problem is reported with the path of what is wrong.
import { COMMISSION_PSEUDO_COUNTRY, EEA_COUNTRY_CODES, EU_COUNTRY_CODES, LANGUAGE_CODES, LEGISLATIVE_AREAS, WORKFLOWS_BY_AREA } from './codes';
import type { ChoiceOption, FieldDefinition, Question, QuestionSet, SubjectSection } from './questionSet';
import type { ClassificationNode, Country, Language, LegislativeAreaInfo, MessageTypeInfo } from './referenceSchemas';
import { MessageType } from '../request/requestCase';

export interface CrossCheckInput {
  countries: Country[];
  languages: Language[];
  legislativeAreas: LegislativeAreaInfo[];
  messageTypes: MessageTypeInfo[];
  economicActivities: ClassificationNode[];
  policyAreas: ClassificationNode[];
  subjectSections: SubjectSection[];
  questionSets: QuestionSet[];
}

export interface Problem {
  path: (string | number)[];
  message: string;
}

type Report = (path: Problem['path'], message: string) => void;

export function crossCheckReferenceData(data: CrossCheckInput): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (path, message) => problems.push({ path, message });
  checkCountries(data.countries, report);
  checkExactly('languages', data.languages.map((l) => l.code), LANGUAGE_CODES, 'language', report);
  checkAreas(data.legislativeAreas, report);
  checkExactly('messageTypes', data.messageTypes.map((m) => m.code), MessageType.options, 'message type', report);
  checkClassification('economicActivities', data.economicActivities, report);
  checkClassification('policyAreas', data.policyAreas, report);
  checkSubjectSections(data.subjectSections, report);
  checkQuestionSets(data.questionSets, new Set(data.legislativeAreas.map((a) => a.code)), report);
  return problems;
}

/** Reports duplicates, unknown codes and missing codes of a list that must hold each expected code once. */
function checkExactly(list: string, codes: readonly string[], expected: readonly string[], noun: string, report: Report): void {
  const seen = new Set<string>();
  codes.forEach((code, i) => {
    if (seen.has(code)) report([list, i, 'code'], `duplicate ${noun} ${code}`);
    else if (!expected.includes(code)) report([list, i, 'code'], `unknown ${noun} ${code}`);
    seen.add(code);
  });
  const missing = expected.filter((c) => !seen.has(c));
  if (missing.length) report([list], `missing ${noun}(s) ${missing.join(', ')}`);
}

function checkCountries(countries: Country[], report: Report): void {
  const real = countries.filter((c) => !c.pseudoCountry);
  checkExactly('countries', real.map((c) => c.code), EEA_COUNTRY_CODES, 'country', report);
  const eu: readonly string[] = EU_COUNTRY_CODES;
  countries.forEach((c, i) => {
    if (c.pseudoCountry !== (c.code === COMMISSION_PSEUDO_COUNTRY)) report(['countries', i, 'pseudoCountry'], `only ${COMMISSION_PSEUDO_COUNTRY} is a pseudo-country`);
    if (!c.pseudoCountry && c.euMember !== eu.includes(c.code)) report(['countries', i, 'euMember'], `${c.code}: wrong EU membership`);
    if (!c.pseudoCountry && c.nativeNames.length === 0) report(['countries', i, 'nativeNames'], `${c.code}: native name required`);
  });
  const commission = countries.filter((c) => c.code === COMMISSION_PSEUDO_COUNTRY);
  if (commission.length !== 1) report(['countries'], `the Commission pseudo-country ${COMMISSION_PSEUDO_COUNTRY} must appear exactly once`);
}

function checkAreas(areas: LegislativeAreaInfo[], report: Report): void {
  checkExactly('legislativeAreas', areas.map((a) => a.code), LEGISLATIVE_AREAS, 'legislative area', report);
  areas.forEach((a, i) => {
    const expected = WORKFLOWS_BY_AREA[a.code];
    if (a.workflows.length !== expected.length || !expected.every((w) => a.workflows.includes(w))) {
      report(['legislativeAreas', i, 'workflows'], `${a.code}: workflows must be ${expected.join(', ')}`);
    }
    checkUnique(a.keywords.map((k) => k.id), ['legislativeAreas', i, 'keywords'], 'keyword', report);
    checkUnique(a.professions.map((p) => p.id), ['legislativeAreas', i, 'professions'], 'profession', report);
    if (a.code === 'PQ' && a.professions.length === 0) report(['legislativeAreas', i, 'professions'], 'PQ: professions required');
  });
}

function checkUnique(ids: readonly string[], path: Problem['path'], noun: string, report: Report): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) report([...path, i], `duplicate ${noun} id ${id}`);
    seen.add(id);
  });
}

function checkClassification(list: string, nodes: ClassificationNode[], report: Report): void {
  const seen = new Set<string>();
  const walk = (level: ClassificationNode[], path: Problem['path']): void => {
    level.forEach((node, i) => {
      if (seen.has(node.code)) report([...path, i, 'code'], `duplicate code ${node.code}`);
      seen.add(node.code);
      walk(node.children, [...path, i, 'children']);
    });
  };
  walk(nodes, [list]);
}

function checkFields(fields: FieldDefinition[], path: Problem['path'], report: Report): void {
  checkUnique(fields.map((f) => f.id), path, 'field', report);
  fields.forEach((f, i) => {
    if (f.kind === 'choice' && !f.options?.length) report([...path, i, 'options'], `field ${f.id}: choice fields need options`);
    if (f.options) checkUnique(f.options.map((o) => o.id), [...path, i, 'options'], 'option', report);
  });
}

function checkSubjectSections(sections: SubjectSection[], report: Report): void {
  checkExactly('subjectSections', sections.map((s) => s.area), LEGISLATIVE_AREAS, 'subject section for area', report);
  sections.forEach((s, i) => checkFields(s.fields, ['subjectSections', i, 'fields'], report));
}

function checkQuestionSets(sets: QuestionSet[], areas: ReadonlySet<string>, report: Report): void {
  checkUnique(sets.map((s) => s.id), ['questionSets'], 'question set', report);
  sets.forEach((set, i) => {
    const path = ['questionSets', i];
    if (!areas.has(set.area)) report([...path, 'area'], `question set ${set.id}: unknown legislative area ${set.area}`);
    checkUnique(set.categories.map((c) => c.id), [...path, 'categories'], 'category', report);
    checkFields(set.formFields, [...path, 'formFields'], report);
    checkUnique(set.checklist.map((c) => c.id), [...path, 'checklist'], 'checklist step', report);
    set.questions.forEach((q, j) => checkQuestion(q, [...path, 'questions', j], report));
  });
  const missing = LEGISLATIVE_AREAS.filter((a) => !sets.some((s) => s.area === a));
  if (missing.length) report(['questionSets'], `no question set for area(s) ${missing.join(', ')}`);
}

/** The answers a follow-up may be triggered by: the parent's option ids, or yes/no. */
function triggerableAnswers(q: Question): readonly string[] {
  if (q.answerType === 'yesNo') return ['yes', 'no'];
  return (q.options ?? []).map((o) => o.id);
}

function checkOptions(options: ChoiceOption[] | undefined, path: Problem['path'], report: Report): void {
  if (options) checkUnique(options.map((o) => o.id), [...path, 'options'], 'option', report);
}

function checkQuestion(q: Question, path: Problem['path'], report: Report): void {
  checkOptions(q.options, path, report);
  checkFields(q.extraDetails, [...path, 'extraDetails'], report);
  checkUnique(q.followUps.map((f) => f.id), [...path, 'followUps'], 'follow-up', report);
  const triggers = triggerableAnswers(q);
  q.followUps.forEach((f, k) => {
    const at = [...path, 'followUps', k];
    for (const answer of f.whenAnswerIn) {
      if (!triggers.includes(answer)) report([...at, 'whenAnswerIn'], `question ${q.id}: follow-up ${f.id} refers to unknown answer ${answer}`);
    }
    const needsOptions = f.answerType === 'singleChoice' || f.answerType === 'multipleChoice';
    if (needsOptions && !f.options?.length) report([...at, 'options'], `follow-up ${f.id}: choice answers need options`);
    checkOptions(f.options, at, report);
  });
}
