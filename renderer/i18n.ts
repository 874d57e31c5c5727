// The UI's i18next instance, on the same message files as the service (core/i18n.ts), so a
// label and an error read the same in both languages.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../core/format';
import { messages } from '../core/i18n';

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: 'vi',
  fallbackLng: 'vi',
  initAsync: false,
  resources: { vi: { translation: messages.vi }, en: { translation: messages.en } },
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setUiLang(lang: Lang): void {
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}
