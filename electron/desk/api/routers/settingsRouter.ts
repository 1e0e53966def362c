// `settings.*`: the workstation's settings (hub address, proxy) and the signed-in user's (language, layout).
import { DEFAULT_USER_SETTINGS, patchSettings, SettingsPatch } from '../../settings/settingsStore';
import type { DeskService } from '../../deskService';
import { publicProcedure, router } from '../trpc';

function visibleSettings(desk: DeskService) {
  const settings = desk.settings.read();
  const userId = desk.signedIn()?.user.id ?? null;
  return { workstation: settings.workstation, user: userId === null ? null : (settings.users[userId] ?? DEFAULT_USER_SETTINGS) };
}

export const settingsRouter = router({
  get: publicProcedure.query(({ ctx }) => visibleSettings(ctx.desk)),

  /** Workstation fields apply at once to the next log-in (a new hub address needs one); user fields need a signed-in user. */
  set: publicProcedure.input(SettingsPatch).mutation(({ ctx, input }) => {
    const userId = ctx.desk.signedIn()?.user.id ?? null;
    ctx.desk.settings.write(patchSettings(ctx.desk.settings.read(), input, userId));
    return visibleSettings(ctx.desk);
  }),
});
