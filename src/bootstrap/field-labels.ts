import type { Core } from '@strapi/strapi';
import { FIELD_LABELS } from '../labels/field-labels';

type Metadata = { edit?: { label?: string }; list?: { label?: string } };

/**
 * Gives the content manager Spanish field labels. Only labels still at
 * Strapi's default (the field name) are changed, so labels edited in the
 * admin's "Configure the view" are kept.
 */
export async function ensureFieldLabels(strapi: Core.Strapi) {
  const contentManager = strapi.plugin('content-manager');
  for (const [uid, labels] of Object.entries(FIELD_LABELS)) {
    const isComponent = !uid.includes('::');
    const model = isComponent ? strapi.components[uid as keyof typeof strapi.components] : strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
    if (!model) continue;
    const service = contentManager.service(isComponent ? 'components' : 'content-types');
    const configuration = await service.findConfiguration(model);
    const metadatas = configuration.metadatas as Record<string, Metadata>;
    let changed = false;
    for (const [field, label] of Object.entries(labels)) {
      const meta = metadatas[field];
      if (!meta) continue;
      for (const view of [meta.edit, meta.list]) {
        if (view && view.label === field) {
          view.label = label;
          changed = true;
        }
      }
    }
    if (changed) await service.updateConfiguration(model, { settings: configuration.settings, metadatas, layouts: configuration.layouts });
  }
}
