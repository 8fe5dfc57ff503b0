// The labels editors see in the content manager (its edit-view configuration, Spanish in this
// project and editable by administrators), for the preview page and the field-by-field changes.
import type { Core } from '@strapi/strapi';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function metadatas(uid: string): Promise<Record<string, any>> {
    const isComponent = Boolean((strapi.components as unknown as Record<string, unknown>)[uid]);
    const service = strapi.plugin('content-manager').service(isComponent ? 'components' : 'content-types');
    try {
      return ((await service.findConfiguration({ uid })) as any)?.metadatas ?? {};
    } catch {
      return {};
    }
  }

  return {
    /** The field the content manager shows as an entry's title (title, name, number…). */
    async mainField(uid: string): Promise<string> {
      const isComponent = Boolean((strapi.components as unknown as Record<string, unknown>)[uid]);
      if (!isComponent) {
        try {
          const configured = ((await strapi.plugin('content-manager').service('content-types').findConfiguration({ uid })) as any)?.settings?.mainField;
          if (typeof configured === 'string') return configured;
        } catch {
          /* no configuration yet */
        }
      }
      return 'documentId';
    },

    /** A function from field name to label for one type or component (the field name when none is set). */
    async forModel(uid: string): Promise<(field: string) => string> {
      const meta = await metadatas(uid);
      return (field: string) => {
        const label = meta[field]?.edit?.label;
        return typeof label === 'string' && label.trim() ? label : field;
      };
    },
  };
};
