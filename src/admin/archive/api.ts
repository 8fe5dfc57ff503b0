// The archive's admin routes (src/archive/admin.ts) and the item shape they answer.
export interface ArchiveSummary {
  id: number;
  documentId: string;
  title: string | null;
  kind: string;
  isPublic: boolean;
  sha256: string | null;
  width: number | null;
  height: number | null;
  fileName: string | null;
  thumbnailUrl: string | null;
  distance?: number;
}

export const editUrl = (documentId: string) => `/content-manager/collection-types/api::media-archive-item.media-archive-item/${documentId}`;

/** The Spanish message of a refusal, its stable code and the item it names (DUPLICATE_FILE). */
export const refusalOf = (error: any) => {
  const body = error?.response?.data?.error;
  return {
    message: (body?.message ?? error?.message ?? String(error)) as string,
    code: body?.details?.code as string | undefined,
    existing: body?.details?.existing as { documentId: string; title: string } | undefined,
  };
};

/** Distances up to this many bits (of 64) are flagged as possible duplicates. */
export const NEAR_DUPLICATE_BITS = 6;
