import { Badge, type BadgeProps } from '@strapi/design-system';
import { useT } from '../utils';

const TONES: Record<string, BadgeProps['variant']> = { published: 'success', failed: 'danger', rejected: 'danger', cancelled: 'neutral' };

export const StateBadge = ({ state, overdue }: { state: string; overdue?: boolean }) => {
  const t = useT();
  return (
    <>
      <Badge variant={TONES[state] ?? 'secondary'}>{t(`state.${state}`, state)}</Badge>
      {overdue ? (
        <Badge variant="danger" marginLeft={1}>
          {t('overdue')}
        </Badge>
      ) : null}
    </>
  );
};
