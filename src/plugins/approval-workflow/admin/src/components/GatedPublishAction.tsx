// Wraps the content manager's Publish action on gated types: while the current draft
// is not the approved version, the button is disabled and says why (the server refuses anyway).
import { useIntl } from 'react-intl';
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { useApprovalStatus, useGatedTypes } from '../api';
import { t } from '../pluginId';
import { useEditedLocale } from './ApprovalPanel';

export function withApprovalGate(Publish: DocumentActionComponent): DocumentActionComponent {
  const GatedPublish: DocumentActionComponent = (props) => {
    const description = Publish(props);
    const { formatMessage } = useIntl();
    const gated = useGatedTypes();
    const locale = useEditedLocale();
    const isGated = Boolean(gated?.includes(props.model));
    const status = useApprovalStatus(props.model, props.documentId, locale, isGated, props.document?.updatedAt);
    if (!description || !isGated) return description;
    const publishable = status && (status.state === 'approved' || status.state === 'published') && status.isApprovedVersion;
    if (publishable) return description;
    return {
      ...description,
      disabled: true,
      label: formatMessage({ id: t('publish.blocked'), defaultMessage: 'Publicar (requiere aprobación)' }),
      dialog: undefined,
      onClick: undefined,
    };
  };
  GatedPublish.type = Publish.type;
  GatedPublish.position = Publish.position;
  return GatedPublish;
}
