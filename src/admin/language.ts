// How Strapi 5.54 picks the admin's language (node_modules/@strapi/admin):
// 1. before login, `localStorage['strapi-admin-language']`, else English;
// 2. after login, the user's profile language (`preferedLanguage`) when set.
// There is no setting for the default, so Spanish is stored as the browser's
// choice when it has none, before the admin renders (this module is imported
// by the generated entry before renderAdmin). A language picked on the login
// page or in the profile is kept.
export const LANGUAGE_KEY = 'strapi-admin-language';
export const DEFAULT_LANGUAGE = 'es';

export function preferSpanish() {
  try {
    if (!window.localStorage.getItem(LANGUAGE_KEY)) window.localStorage.setItem(LANGUAGE_KEY, DEFAULT_LANGUAGE);
  } catch {
    // Storage refused (private mode): Strapi falls back to its own default.
  }
}
