// A report without personal data, asked for by a user who sees the request at FULL, is built from a view
// lowered to FULL_NO_PD first, so the printing code never even holds the personal values.
import type { PersonalFieldIds, RequestView } from '../../../shared/request/visibility';
import type { FieldValues } from '../../../shared/request/requestCase';

export type FullView = Extract<RequestView, { level: 'FULL' }>;
export type NoPdView = Extract<RequestView, { level: 'FULL_NO_PD' }>;
export type DetailedView = FullView | NoPdView;
export type DetailedCase = DetailedView['case'];

function keep(values: FieldValues, isPersonal: (id: string) => boolean): FieldValues {
  return Object.fromEntries(Object.entries(values).filter(([id]) => !isPersonal(id)));
}

/**
 * The FULL_NO_PD view of a FULL view. Which fields are personal comes from the shared `personalFieldIds`;
 * this mirrors the masking step of `viewFor`, which is not exported on its own.
 */
export function lowerToNoPd(view: FullView, personal: PersonalFieldIds): NoPdView {
  const c = view.case;
  return {
    level: 'FULL_NO_PD',
    case: {
      ...c,
      subject: keep(c.subject, personal.subjectField),
      formFields: keep(c.formFields, personal.formField),
      questions: c.questions.map((q) => ({ ...q, extraDetails: keep(q.extraDetails, (id) => personal.extraDetail(q.questionId, id)) })),
      answers: c.answers.map((a) => {
        const followUps = Object.fromEntries(Object.entries(a.followUps).filter(([id]) => !personal.followUp(a.questionId, id)));
        if (!personal.answer(a.questionId)) return { ...a, followUps };
        const { value: _value, ...rest } = a;
        return { ...rest, followUps };
      }),
      attachments: c.attachments.map((a) => ({ ...a, contentAvailable: false as const })),
    },
  };
}
