import type { StrapiApp } from '@strapi/strapi/admin';
import { archiveAdmin } from './archive';
import { translateEnumerationCells } from './enumeration-cells';
import { officeHomeWidgets } from './home';
import { preferSpanish } from './language';
import { appMessages } from './translations';

// The office works in Spanish: a browser that never chose a language starts in
// Spanish (Strapi would start in English); English stays selectable.
preferSpanish();

export default {
  config: {
    locales: ['es'],
    translations: appMessages(archiveAdmin.translations),
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    archiveAdmin.register(app);
    // Last: orders the widgets every plugin registered.
    officeHomeWidgets(app);
  },
  bootstrap(app: StrapiApp) {
    archiveAdmin.bootstrap(app);
    translateEnumerationCells(app);
  },
};
