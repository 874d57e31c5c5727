// The application menu, in the user's language, as a plain template (tested without Electron).
import type { MenuItemConstructorOptions } from 'electron';
import type { Lang } from '../core/format';
import { translator } from '../core/i18n';

export interface MenuActions {
  backupNow: () => void;
  backupTo: () => void;
  restoreFrom: () => void;
  setLang: (lang: Lang) => void;
  about: () => void;
}

export function menuTemplate(lang: Lang, actions: MenuActions, isMac = false): MenuItemConstructorOptions[] {
  const t = translator(lang);
  const m = (key: string) => t(`ui.menu.${key}`);
  return [
    {
      label: m('file'),
      submenu: [
        { label: m('backupNow'), click: () => actions.backupNow() },
        { label: m('backupTo'), click: () => actions.backupTo() },
        { type: 'separator' },
        { label: m('restoreFrom'), click: () => actions.restoreFrom() },
        { type: 'separator' },
        { label: m('quit'), role: 'quit', accelerator: isMac ? 'Cmd+Q' : 'Alt+F4' },
      ],
    },
    {
      label: m('edit'),
      submenu: [
        { label: m('undo'), role: 'undo' },
        { label: m('redo'), role: 'redo' },
        { type: 'separator' },
        { label: m('cut'), role: 'cut' },
        { label: m('copy'), role: 'copy' },
        { label: m('paste'), role: 'paste' },
        { label: m('selectAll'), role: 'selectAll' },
      ],
    },
    {
      label: m('view'),
      submenu: [
        { label: m('reload'), role: 'reload' },
        { type: 'separator' },
        { label: m('zoomIn'), role: 'zoomIn' },
        { label: m('zoomOut'), role: 'zoomOut' },
        { label: m('resetZoom'), role: 'resetZoom' },
        { type: 'separator' },
        { label: m('devTools'), role: 'toggleDevTools' },
      ],
    },
    {
      label: m('language'),
      submenu: [
        { label: 'Tiếng Việt', type: 'radio', checked: lang === 'vi', click: () => actions.setLang('vi') },
        { label: 'English', type: 'radio', checked: lang === 'en', click: () => actions.setLang('en') },
      ],
    },
    { label: m('help'), submenu: [{ label: m('about'), click: () => actions.about() }] },
  ];
}
