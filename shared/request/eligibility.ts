// Whether an authority may receive a request (SPEC §3.5, §5.3): active request access in the area and
// willing to accept incoming requests; forward and split targets stay in the responder's country.
import { canExchangeRequests, requestAccess } from '../authority/authority';
import type { AuthorityId } from '../authority/authority';
import type { RequestCase } from './requestCase';
import type { DecisionContext } from './decision';
import { reject } from './reasons';
import type { Rejection } from './reasons';

export function addresseeRejection(
  targetId: AuthorityId,
  c: Pick<RequestCase, 'area'>,
  ctx: DecisionContext,
  sameCountryAs?: AuthorityId,
): Rejection | undefined {
  const target = ctx.env.authority(targetId);
  const access = target && requestAccess(target, c.area);
  if (!target || !access || !canExchangeRequests(target, c.area) || !access.flags.mayAcceptIncomingRequests) {
    return reject('ADDRESSEE_NOT_ELIGIBLE', { fields: ['respondingAuthorityId'] });
  }
  if (sameCountryAs !== undefined && ctx.env.authority(sameCountryAs)?.country !== target.country) return reject('ADDRESSEE_OTHER_COUNTRY');
  return undefined;
}

/** The acting authority itself must have active request access in the area to start something new. */
export function activeAuthorityRejection(authorityId: AuthorityId, c: Pick<RequestCase, 'area'>, ctx: DecisionContext): Rejection | undefined {
  const authority = ctx.env.authority(authorityId);
  return authority && canExchangeRequests(authority, c.area) ? undefined : reject('AUTHORITY_NOT_ACTIVE');
}
