import type { Core } from '@strapi/strapi';
import { calendarRevisions } from './middlewares/calendar-revisions';
import { ceremonyNotices } from './middlewares/ceremony-notices';
import { precedenceOverrideNeedsReason } from './middlewares/precedence-override';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(ceremonyNotices(strapi));
  strapi.documents.use(calendarRevisions(strapi));
  strapi.documents.use(precedenceOverrideNeedsReason(strapi));
};
