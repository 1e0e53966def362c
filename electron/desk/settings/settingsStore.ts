// Settings of SPEC §13 that persist per workstation (hub address, proxy) and per user (language, window
// layout), behind an interface: a JSON file in web mode and tests, electron-store in the shell.
import { z } from 'zod';
import { LanguageCode } from '../../../shared/reference/codes';

export const ProxySettings = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('system') }),
  z.object({ mode: z.literal('none') }),
  z.object({ mode: z.literal('manual'), url: z.url().max(500) }),
]);
export type ProxySettings = z.infer<typeof ProxySettings>;

export const WorkstationSettings = z.object({
  hubUrl: z.url().max(500).default('http://127.0.0.1:4700'),
  proxy: ProxySettings.default({ mode: 'system' }),
});
export type WorkstationSettings = z.infer<typeof WorkstationSettings>;

/** Column widths, open panels, the last tab… free-form for the renderer, bounded in size. */
export const WindowLayout = z.record(z.string().max(100), z.union([z.string().max(500), z.number(), z.boolean()])).default({});

export const UserSettings = z.object({
  language: LanguageCode.nullable().default(null),
  windowLayout: WindowLayout,
});
export type UserSettings = z.infer<typeof UserSettings>;

export const DeskSettings = z.object({
  workstation: WorkstationSettings.default({ hubUrl: 'http://127.0.0.1:4700', proxy: { mode: 'system' } }),
  /** Keyed by user id. */
  users: z.record(z.string().max(64), UserSettings).default({}),
});
export type DeskSettings = z.infer<typeof DeskSettings>;

export const DEFAULT_USER_SETTINGS: UserSettings = { language: null, windowLayout: {} };

export const SettingsPatch = z.object({
  workstation: WorkstationSettings.partial().optional(),
  user: UserSettings.partial().optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export interface SettingsStore {
  read(): DeskSettings;
  write(settings: DeskSettings): void;
}

/** Applies a patch: workstation fields always, user fields for the signed-in user only. */
export function patchSettings(current: DeskSettings, patch: SettingsPatch, userId: string | null): DeskSettings {
  const workstation = { ...current.workstation, ...patch.workstation };
  if (!patch.user || userId === null) return { ...current, workstation };
  const user = { ...(current.users[userId] ?? DEFAULT_USER_SETTINGS), ...patch.user };
  return { workstation, users: { ...current.users, [userId]: user } };
}

/** A store in memory, for tests. */
export function memorySettingsStore(initial: Partial<DeskSettings> = {}): SettingsStore {
  let settings = DeskSettings.parse(initial);
  return { read: () => settings, write: (next) => { settings = DeskSettings.parse(next); } };
}
