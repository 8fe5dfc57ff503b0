export interface SeatContact {
  documentId: string;
  treatment: string;
  givenName: string;
  familyName: string;
  position: string;
  institution: string | null;
  officeTitle: string | null;
  effectiveRank: number | null;
}

export interface Seating {
  ceremony: { documentId: string; title: string; startsAt: string; venue: string };
  presider: SeatContact | null;
  hostPresides: boolean;
  seats: Array<{ order: number; side: 'center' | 'right' | 'left'; place: number; isHost: boolean; contact: SeatContact }>;
  rowFromAudience: number[];
  invitations: Array<SeatContact & { rsvp: string; note: string | null }>;
  rsvpCounts: Record<'invited' | 'confirmed' | 'declined' | 'attended', number>;
}

export const fullName = (c: { treatment?: string; givenName: string; familyName: string }) =>
  `${c.treatment ? `${c.treatment} ` : ''}${c.givenName} ${c.familyName}`;

// Dates in the Peruvian format (dd/mm/aaaa, Lima time) whatever the interface language.
const DAY_TIME = new Intl.DateTimeFormat('es-PE', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'America/Lima' });
const DAY = new Intl.DateTimeFormat('es-PE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'America/Lima' });

/** An instant → `26/05/2026 14:05`. */
export const formatDayTime = (value?: string | null) => (value ? DAY_TIME.format(new Date(value)).replace(',', '') : '');
/** An instant, or a calendar day `2026-05-26` → `26/05/2026`. */
export const formatDay = (value?: string | null) => {
  if (!value) return '';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return day ? `${day[3]}/${day[2]}/${day[1]}` : DAY.format(new Date(value));
};
