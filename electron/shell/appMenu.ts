// The application menu: sync now, sign out, the standard edit/view/window roles, and help.
import { app, Menu, shell } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import type { DeskService } from '../desk/deskService';

export function installMenu(desk: DeskService, helpUrl: string): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Sync now', accelerator: 'CmdOrCtrl+Shift+S', click: () => desk.signedIn()?.sync.reconnect() },
        { label: 'Sign out', click: () => { void desk.session.logout(); } },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' },
        // Developer tools only in development builds: a packaged desk holds personal data.
        ...(app.isPackaged ? [] : [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'IMI Desk help', click: () => { void shell.openExternal(helpUrl); } }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
