// The UI's i18next instance, on the same message files as the service (core/i18n.ts), so a
// label and an error read the same in both languages.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../core/format';
import { addFormats, messages } from '../core/i18n';
import { levelParams } from '../core/levels';
import type { LevelNames } from '../core/orgunit';

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: 'vi',
  fallbackLng: 'vi',
  initAsync: false,
  resources: { vi: { translation: messages.vi }, en: { translation: messages.en } },
  interpolation: { escapeValue: false },
  returnNull: false,
});
addFormats(i18n);

let levelNames: LevelNames | null = null;

// Every text naming a level ({{commune}}, {{District}}, …) reads the province's own names
// (setting units.levelNames): they are the instance's default interpolation variables.
function applyLevels(lang: Lang): void {
  i18n.options.interpolation = { ...i18n.options.interpolation, defaultVariables: levelParams(levelNames, lang) };
}
applyLevels('vi');

export function setUiLang(lang: Lang): void {
  applyLevels(lang);
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

/** The province's level names (null: the defaults); every screen re-renders with them. */
export function setLevelNames(names: LevelNames | null): void {
  levelNames = names;
  setUiLang(i18n.language === 'en' ? 'en' : 'vi');
}

/** A level as this province names it, as a label ("Xã", "Trung tâm Y tế khu vực"). */
export function levelLabel(level: string): string {
  const cap = level.charAt(0).toUpperCase() + level.slice(1);
  return levelParams(levelNames, i18n.language === 'en' ? 'en' : 'vi')[cap] ?? level;
}
