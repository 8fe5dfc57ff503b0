import { Badge, type BadgeProps } from '@strapi/design-system';
import { useT, type RecipientStatus } from '../utils';

const TONES: Record<RecipientStatus, BadgeProps['variant']> = { pending: 'secondary', sent: 'secondary', failed: 'danger', acknowledged: 'success', applied: 'success' };

export const StatusBadge = ({ status }: { status: RecipientStatus }) => {
  const t = useT();
  return (
    <Badge variant={TONES[status] ?? 'secondary'} data-testid="dissemination-status">
      {t(`status.${status}`, undefined, status)}
    </Badge>
  );
};
