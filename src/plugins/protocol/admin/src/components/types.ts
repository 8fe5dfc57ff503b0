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
