// `directory.*`: addressee search in the replica's authority directory; works offline.
import { z } from 'zod';
import { CountryCode, LegislativeArea } from '../../../../shared/reference/codes';
import { listUsersOf, readAuthority } from '../../replica/directoryStore';
import { searchDirectory } from '../../search/directorySearch';
import { router, signedInProcedure } from '../trpc';

export const directoryRouter = router({
  search: signedInProcedure
    .input(z.object({
      area: LegislativeArea,
      country: CountryCode.optional(),
      name: z.string().max(200).optional(),
      town: z.string().max(200).optional(),
      keywords: z.array(z.string().max(100)).max(50).optional(),
      limit: z.number().int().min(1).max(200).default(50),
      offset: z.number().int().min(0).default(0),
    }))
    .query(({ ctx, input }) => searchDirectory(ctx.signedIn.replica.db, input)),

  get: signedInProcedure
    .input(z.object({ id: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => readAuthority(ctx.signedIn.replica.db, input.id) ?? null),

  /** The active users of the signed-in user's own authority (names and rights), offered to allocators; works offline. */
  colleagues: signedInProcedure.query(({ ctx }) => listUsersOf(ctx.signedIn.replica.db, ctx.signedIn.user.authorityId)
    .filter((u) => u.status === 'ACTIVE')
    .map((u) => ({ id: u.id, name: u.name, surname: u.surname, rights: u.rights }))),
});
