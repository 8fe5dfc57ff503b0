// The few EXIF facts the archive keeps. GPS coordinates and serial numbers are
// deliberately not copied: they stay only in the original file.
import exifReader from 'exif-reader';

export interface ArchiveExif {
  make?: string;
  model?: string;
  lens?: string;
  software?: string;
  orientation?: number;
  takenAt?: string;
  /** The original carries a position (not copied here). */
  hasGps: boolean;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.replace(/\0+$/, '').trim() : undefined);

/** "-05:00" → minutes east of UTC. */
const offsetMinutes = (offset: string) => {
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(offset.trim());
  if (!match) return undefined;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
};

/**
 * exif-reader reads "2026:07:28 08:25:00" as if it were UTC; cameras write local
 * time. The offset comes from OffsetTimeOriginal when present, else the office's zone.
 */
const toInstant = (value: unknown, offset: string | undefined, defaultOffset: string) => {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) return undefined;
  const minutes = offsetMinutes(offset ?? defaultOffset) ?? 0;
  return new Date(value.getTime() - minutes * 60_000).toISOString();
};

export function readExif(buffer: Buffer | undefined, defaultOffset: string): ArchiveExif | undefined {
  if (!buffer?.length) return undefined;
  let tags: ReturnType<typeof exifReader>;
  try {
    tags = exifReader(buffer);
  } catch {
    return undefined; // unreadable EXIF does not make the picture corrupt
  }
  const image = (tags.Image ?? {}) as Record<string, unknown>;
  const photo = (tags.Photo ?? {}) as Record<string, unknown>;
  const gps = (tags.GPSInfo ?? {}) as Record<string, unknown>;
  const exif: ArchiveExif = {
    make: text(image.Make),
    model: text(image.Model),
    lens: text(photo.LensModel),
    software: text(image.Software),
    orientation: typeof image.Orientation === 'number' ? image.Orientation : undefined,
    takenAt: toInstant(photo.DateTimeOriginal ?? image.DateTime, text(photo.OffsetTimeOriginal), defaultOffset),
    hasGps: Object.keys(gps).some((key) => key !== 'GPSVersionID'),
  };
  return Object.fromEntries(Object.entries(exif).filter(([, v]) => v !== undefined)) as unknown as ArchiveExif;
}
