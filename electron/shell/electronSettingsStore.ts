// The desk's SettingsStore persisted with electron-store 11 (DESIGN §8: 12 needs Node 22), plus the window
// state, which only the shell knows about.
import Store from 'electron-store';
import { DeskSettings } from '../desk/settings/settingsStore';
import type { SettingsStore } from '../desk/settings/settingsStore';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

interface Stored {
  desk: unknown;
  window: WindowState;
}

export const DEFAULT_WINDOW: WindowState = { width: 1280, height: 860, maximized: false };

export interface ShellStore {
  settings: SettingsStore;
  readWindow(): WindowState;
  writeWindow(state: WindowState): void;
}

export function electronShellStore(): ShellStore {
  const store = new Store<Stored>({ name: 'settings', defaults: { desk: {}, window: DEFAULT_WINDOW } });
  return {
    settings: {
      // An invalid file (hand-edited, older version) falls back to the defaults rather than stopping the app.
      read: () => {
        const parsed = DeskSettings.safeParse(store.get('desk'));
        return parsed.success ? parsed.data : DeskSettings.parse({});
      },
      write: (settings) => store.set('desk', DeskSettings.parse(settings)),
    },
    readWindow: () => ({ ...DEFAULT_WINDOW, ...store.get('window') }),
    writeWindow: (state) => store.set('window', state),
  };
}
