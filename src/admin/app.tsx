import type { StrapiApp } from '@strapi/strapi/admin';

// The office works in Spanish; English stays available for visitors' translators.
export default {
  config: {
    locales: ['es'],
    translations: {
      es: {
        'Auth.form.welcome.title': 'Comunicaciones e Imagen Institucional',
        'Auth.form.welcome.subtitle': 'Inicie sesión en su cuenta',
        'app.components.LeftMenu.navbrand.title': 'Comunicaciones',
        'app.components.LeftMenu.navbrand.workplace': 'Municipalidad',
      },
      en: {
        'Auth.form.welcome.title': 'Communications and Institutional Image',
        'Auth.form.welcome.subtitle': 'Log in to your account',
        'app.components.LeftMenu.navbrand.title': 'Communications',
        'app.components.LeftMenu.navbrand.workplace': 'Municipality',
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};
