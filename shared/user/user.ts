// Users and their roles (SPEC §4).
import { z } from 'zod';
import { LanguageCode, LegislativeArea, Workflow } from '../reference/codes';
import { AuthorityId } from '../authority/authority';

export const UserId = z.string().min(1).max(64);
export type UserId = z.infer<typeof UserId>;

export const GeneralRole = z.enum(['LDA', 'BASIC_USER', 'DATA_ADMINISTRATOR']);
export type GeneralRole = z.infer<typeof GeneralRole>;
export const RequestRole = z.enum(['REQUEST_VIEWER', 'REQUEST_HANDLER', 'ALLOCATOR', 'REFERRAL_HANDLER']);
export type RequestRole = z.infer<typeof RequestRole>;
export const AlertRole = z.enum(['ALERT_VIEWER', 'ALERT_HANDLER', 'ALERT_DISSEMINATOR']);
export type AlertRole = z.infer<typeof AlertRole>;
export const ContentRole = z.union([RequestRole, AlertRole]);
export type ContentRole = z.infer<typeof ContentRole>;

/** Rights of a user in one legislative area and workflow. */
export const AreaRights = z.object({
  area: LegislativeArea,
  workflow: Workflow,
  roles: z.array(ContentRole),
});
export type AreaRights = z.infer<typeof AreaRights>;

export const UserStatus = z.enum(['ACTIVE', 'BLOCKED', 'DEACTIVATED']);
export type UserStatus = z.infer<typeof UserStatus>;

export const User = z.object({
  id: UserId,
  authorityId: AuthorityId,
  username: z.string().min(3).max(64),
  name: z.string().min(1).max(200),
  surname: z.string().min(1).max(200),
  preferredLanguage: LanguageCode,
  email: z.email(),
  telephone: z.string().default(''),
  status: UserStatus,
  generalRoles: z.array(GeneralRole),
  /** Data administrator rights are per legislative area. */
  dataAdministratorAreas: z.array(LegislativeArea).default([]),
  rights: z.array(AreaRights),
});
export type User = z.infer<typeof User>;

/** The acting user as every decision sees it. */
export type Actor = Pick<User, 'id' | 'authorityId' | 'generalRoles' | 'rights'> & { displayName?: string };

export function hasRole(actor: Pick<User, 'rights'>, area: LegislativeArea, role: ContentRole): boolean {
  return actor.rights.some((r) => r.area === area && r.roles.includes(role));
}

/** Whether the user holds a request role in the area's REQUEST workflow (the check every request decision makes). */
export function hasRequestRole(actor: Pick<User, 'rights'>, area: LegislativeArea, role: RequestRole): boolean {
  return actor.rights.some((r) => r.area === area && r.workflow === 'REQUEST' && r.roles.includes(role));
}
