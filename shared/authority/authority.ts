// Authorities (SPEC §3): data, roles per legislative area and workflow, flags, relationships, statuses.
import { z } from 'zod';
import type { Workflow } from '../reference/codes';
import { CountryCode, LanguageCode, LegislativeArea } from '../reference/codes';
import { LocalizedText } from '../reference/text';

export const AuthorityId = z.string().min(1).max(64);
export type AuthorityId = z.infer<typeof AuthorityId>;

export const AdministrativeRole = z.enum(['NIMIC', 'SDIMIC', 'LIMIC', 'DIMIC', 'CA']);
export type AdministrativeRole = z.infer<typeof AdministrativeRole>;
/** Higher number = higher level; a coordinator may only manage authorities of a lower level. */
export const ADMINISTRATIVE_LEVEL: Readonly<Record<AdministrativeRole, number>> = { NIMIC: 4, SDIMIC: 3, LIMIC: 2, DIMIC: 1, CA: 0 };

export const RequestWorkflowRole = z.enum(['REQUEST_AUTHORITY', 'REQUEST_COORDINATOR']);
export type RequestWorkflowRole = z.infer<typeof RequestWorkflowRole>;
export const AlertWorkflowRole = z.enum(['ALERT_AUTHORITY', 'ALERT_COORDINATOR']);
export type AlertWorkflowRole = z.infer<typeof AlertWorkflowRole>;

export const AuthorityStatus = z.enum(['REGISTRATION_REQUESTED', 'ACTIVE', 'REGISTRATION_REFUSED', 'SUSPENDED', 'INACTIVE']);
export type AuthorityStatus = z.infer<typeof AuthorityStatus>;

export const AccessStatus = z.enum([
  'REQUESTED', 'ACTIVE', 'SUSPENDED', 'SUSPENDED_REACTIVATION_REQUESTED', 'REMOVED', 'REMOVED_REACTIVATION_REQUESTED',
]);
export type AccessStatus = z.infer<typeof AccessStatus>;

/** Flags of SPEC §3.4; every field has its documented default. */
export const RequestFlags = z.object({
  subjectToApproval: z.boolean().default(false),
  mayRefuseRequests: z.boolean().default(false),
  mayAcceptIncomingRequests: z.boolean().default(true),
  // For a request coordinator:
  participatesInReferral: z.boolean().default(true),
  approvesRequests: z.boolean().default(false),
  approvesReplies: z.boolean().default(false),
});
export type RequestFlags = z.infer<typeof RequestFlags>;
export const AlertFlags = z.object({ finalApproval: z.boolean().default(false), incomingAlertPostbox: z.boolean().default(false) });
export type AlertFlags = z.infer<typeof AlertFlags>;

export const WorkflowAccess = z.discriminatedUnion('workflow', [
  z.object({
    workflow: z.literal('REQUEST'),
    status: AccessStatus,
    role: RequestWorkflowRole,
    flags: RequestFlags,
    /** Linked request coordinators (≥1 for a CA): they monitor and play the approval/referral roles. */
    linkedCoordinatorIds: z.array(AuthorityId),
  }),
  z.object({
    workflow: z.literal('ALERT'),
    status: AccessStatus,
    role: AlertWorkflowRole,
    flags: AlertFlags,
    linkedCoordinatorIds: z.array(AuthorityId),
  }),
]);
export type WorkflowAccess = z.infer<typeof WorkflowAccess>;

export const AreaAccess = z.object({
  area: LegislativeArea,
  status: AccessStatus,
  administrativeRole: AdministrativeRole,
  accessCoordinatorId: AuthorityId.nullable(),
  keywords: z.array(z.string()),
  professions: z.array(z.string()).default([]),
  workflows: z.array(WorkflowAccess),
});
export type AreaAccess = z.infer<typeof AreaAccess>;

export const Address = z.object({
  street: z.string().default(''),
  postCode: z.string().default(''),
  town: z.string().min(1),
  region: z.string().default(''),
});

export const Authority = z.object({
  id: AuthorityId,
  country: CountryCode,
  status: AuthorityStatus,
  officialName: z.string().min(1).max(500),
  informalTitle: LocalizedText,
  retranslationRequested: z.boolean().default(false),
  description: z.string().max(4000).default(''),
  languages: z.array(LanguageCode).min(1),
  address: Address,
  telephone: z.string().default(''),
  website: z.string().default(''),
  contactEmail: z.email(),
  generalHorizontalCompetence: z.boolean().default(false),
  economicActivities: z.array(z.string()).default([]),
  policyAreas: z.array(z.string()).default([]),
  validatingCoordinatorId: AuthorityId.nullable(),
  linkedAuthorityIds: z.array(AuthorityId).default([]),
  usesAllocation: z.boolean().default(false),
  areas: z.array(AreaAccess),
});
export type Authority = z.infer<typeof Authority>;

export function areaAccess(authority: Authority, area: LegislativeArea): AreaAccess | undefined {
  return authority.areas.find((a) => a.area === area);
}

export function workflowAccess(authority: Authority, area: LegislativeArea, workflow: Workflow): WorkflowAccess | undefined {
  return areaAccess(authority, area)?.workflows.find((w) => w.workflow === workflow);
}

/** The request-workflow access of an authority in an area, or undefined. */
export function requestAccess(authority: Authority, area: LegislativeArea) {
  const access = workflowAccess(authority, area, 'REQUEST');
  return access?.workflow === 'REQUEST' ? access : undefined;
}

/** Whether the authority can currently send or receive new requests in the area (SPEC §3.5). */
export function canExchangeRequests(authority: Authority, area: LegislativeArea): boolean {
  const a = areaAccess(authority, area);
  const w = requestAccess(authority, area);
  return authority.status === 'ACTIVE' && a?.status === 'ACTIVE' && w?.status === 'ACTIVE';
}

export function isRequestCoordinator(authority: Authority, area: LegislativeArea): boolean {
  return requestAccess(authority, area)?.role === 'REQUEST_COORDINATOR';
}

/** The flags of SPEC §3.4 as a new request-workflow access starts with them (defaults live in the schema only). */
export function defaultRequestFlags(): RequestFlags {
  return RequestFlags.parse({});
}

/** The alert-workflow flags a new access starts with. */
export function defaultAlertFlags(): AlertFlags {
  return AlertFlags.parse({});
}
