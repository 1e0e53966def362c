// A report without personal data, asked for by a user who sees the request at FULL, is built from a view
// lowered to FULL_NO_PD first, so the printing code never even holds the personal values.
import { withoutPersonalData } from '../../../shared/request/visibility';
import type { PersonalFieldIds, RequestView } from '../../../shared/request/visibility';

export type FullView = Extract<RequestView, { level: 'FULL' }>;
export type NoPdView = Extract<RequestView, { level: 'FULL_NO_PD' }>;
export type DetailedView = FullView | NoPdView;
export type DetailedCase = DetailedView['case'];

/** The FULL_NO_PD view of a FULL view, lowered by the shared masking step (the one place that removes personal data). */
export function lowerToNoPd(view: FullView, personal: PersonalFieldIds): NoPdView {
  return { level: 'FULL_NO_PD', case: withoutPersonalData(view.case, personal) };
}
