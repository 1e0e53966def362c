// Settings in a JSON file (web mode, tests): written to a temporary file and renamed, so a crash never
// leaves half a file; an unreadable or invalid file yields the defaults instead of stopping the desk.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DeskSettings } from './settingsStore';
import type { SettingsStore } from './settingsStore';

export function jsonSettingsStore(file: string): SettingsStore {
  const read = (): DeskSettings => {
    try {
      const parsed = DeskSettings.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      return parsed.success ? parsed.data : DeskSettings.parse({});
    } catch {
      return DeskSettings.parse({});
    }
  };
  return {
    read,
    write(settings) {
      const valid = DeskSettings.parse(settings);
      mkdirSync(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(valid, null, 2), { mode: 0o600 });
      renameSync(tmp, file);
    },
  };
}
