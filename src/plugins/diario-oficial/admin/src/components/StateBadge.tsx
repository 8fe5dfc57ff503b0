import { Badge, Flex, type BadgeProps } from '@strapi/design-system';
import { useT } from '../utils';

const TONES: Record<string, BadgeProps['variant']> = { published: 'success', failed: 'danger', rejected: 'danger', cancelled: 'neutral' };

export const StateBadge = ({ state, overdue }: { state: string; overdue?: boolean }) => {
  const t = useT();
  return (
    <Flex gap={1} data-testid="request-state">
      <Badge variant={TONES[state] ?? 'secondary'}>{t(`state.${state}`, undefined, state)}</Badge>
      {overdue ? <Badge variant="danger">{t('overdue')}</Badge> : null}
    </Flex>
  );
};
