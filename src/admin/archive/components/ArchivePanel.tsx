// Side panel on an archive item's edit view: its fingerprint and size, a download of the
// original (as received, metadata included) and the photos in the archive that look like it.
import * as React from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useRBAC } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { ARCHIVE_UID, PERMISSIONS, t } from '../pluginId';
import { refusalOf, type ArchiveSummary } from '../api';
import { SimilarList } from './SimilarList';

const saveBlob = (blob: Blob, filename: string) => {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

const PanelContent = ({ documentId, document }: { documentId: string; document: Record<string, any> }) => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const label = (id: string, values?: Record<string, string | number>) => formatMessage({ id: t(id), defaultMessage: id }, values);
  const [similar, setSimilar] = React.useState<ArchiveSummary[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const hasFile = Boolean(document.file);
  const isImage = Boolean(document.perceptualHash);

  React.useEffect(() => {
    if (!isImage) return setSimilar([]);
    get(`/media-archive/items/${documentId}/similar`)
      .then((res: any) => setSimilar(res.data.data))
      .catch((e: unknown) => setError(refusalOf(e).message));
  }, [documentId, document.perceptualHash]);

  const download = async () => {
    setError(null);
    try {
      const res: any = await get(`/media-archive/items/${documentId}/original`, { responseType: 'blob' });
      saveBlob(res.data, document.file?.name ?? `${documentId}`);
    } catch (e) {
      setError(refusalOf(e).message);
    }
  };

  if (!hasFile) return <Typography variant="pi">{label('panel.noFile')}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="archive-panel">
      {document.sha256 ? (
        <Typography variant="pi" textColor="neutral600">
          {label('panel.fingerprint')}: <code title={document.sha256}>{String(document.sha256).slice(0, 16)}…</code>
        </Typography>
      ) : null}
      {document.width && document.height ? <Typography variant="pi">{label('panel.size', { width: document.width, height: document.height })}</Typography> : null}
      <Button variant="secondary" onClick={download} data-testid="archive-download-original">
        {label('panel.original')}
      </Button>
      <Typography variant="pi" textColor="neutral600">
        {label('panel.original.hint')}
      </Typography>
      {isImage ? (
        <>
          <Typography variant="sigma" textColor="neutral600">
            {label('panel.similar')}
          </Typography>
          {similar === null ? null : similar.length ? <SimilarList items={similar} /> : <Typography variant="pi">{label('panel.similar.none')}</Typography>}
        </>
      ) : null}
      {error ? (
        <Typography textColor="danger600" role="alert">
          {label('error', { message: error })}
        </Typography>
      ) : null}
    </Flex>
  );
};

/** On archive items, for users who may read them (the routes check the same permission). */
export const ArchivePanel: PanelComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const { allowedActions, isLoading } = useRBAC(PERMISSIONS.read);
  if (model !== ARCHIVE_UID || isLoading || !allowedActions.canRead) return null;
  const title = formatMessage({ id: t('panel.title'), defaultMessage: 'Archivo: original y parecidas' });
  if (!documentId || !document) return { title, content: <Typography variant="pi">{formatMessage({ id: t('panel.saveFirst'), defaultMessage: '' })}</Typography> };
  return { title, content: <PanelContent documentId={documentId} document={document as Record<string, any>} /> };
};
