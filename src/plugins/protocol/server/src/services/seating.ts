/**
 * A ceremony's invitation list and seating order. The host (the mayor)
 * presides unless an attending guest outranks them; everybody else who
 * attends (RSVP confirmed or attended) follows in precedence order, placed
 * at the presider's right, then left, alternating.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ERRORS, UIDS } from '../constants';
import { CONTACT_POPULATE, type Contact } from './directory';
import { compareByPrecedence, effectiveRank, outranks, sortByPrecedence } from '../utils/precedence';

export type Rsvp = 'invited' | 'confirmed' | 'declined' | 'attended';
export const RSVP_STATES: Rsvp[] = ['invited', 'confirmed', 'declined', 'attended'];
const ATTENDING: Rsvp[] = ['confirmed', 'attended'];

export type Side = 'center' | 'right' | 'left';
export interface Seat {
  order: number;
  side: Side;
  /** 1 = next to the presider on that side. */
  place: number;
  contact: ReturnType<typeof publicView>;
  isHost: boolean;
}

/** What a seating list shows of a person: office and name, never personal data. */
const publicView = (c: Contact) => ({
  documentId: c.documentId as string,
  treatment: c.treatment as string,
  givenName: c.givenName as string,
  familyName: c.familyName as string,
  position: c.position as string,
  institution: (c.institution?.name as string | undefined) ?? null,
  officeTitle: (c.precedence?.officeTitle as string | undefined) ?? null,
  effectiveRank: effectiveRank(c),
});

/** Pure seating rule, exported for tests and the printable page. */
export function seatingOrder(host: Contact | null, attendees: Contact[]) {
  const guests = sortByPrecedence(attendees.filter((c) => c.documentId !== host?.documentId));
  const top = guests[0];
  const hostPresides = Boolean(host) && !(top && outranks(top, host!));
  const presider = hostPresides ? host! : top;
  if (!presider) return { presider: null, hostPresides: false, seats: [] as Seat[] };
  const others = [...guests.filter((c) => c !== presider), ...(host && !hostPresides ? [host] : [])].sort(compareByPrecedence);
  const seats: Seat[] = [{ order: 1, side: 'center', place: 0, contact: publicView(presider), isHost: presider === host }];
  others.forEach((c, i) =>
    seats.push({ order: i + 2, side: i % 2 === 0 ? 'right' : 'left', place: Math.floor(i / 2) + 1, contact: publicView(c), isHost: c === host })
  );
  return { presider: seats[0].contact, hostPresides, seats };
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async forCeremony(documentId: string, locale?: string) {
    const ceremony = (await strapi.documents(UIDS.ceremony).findOne({
      documentId,
      locale,
      populate: {
        host: { populate: CONTACT_POPULATE },
        invitees: { populate: { contact: { populate: CONTACT_POPULATE } } },
      },
    } as any)) as any;
    if (!ceremony) throw new errors.NotFoundError(ERRORS.CEREMONY_NOT_FOUND.message, { code: ERRORS.CEREMONY_NOT_FOUND.code });

    const invitees = (ceremony.invitees ?? []).filter((i: any) => i.contact) as Array<{ contact: Contact; rsvp: Rsvp; note?: string }>;
    const rsvpCounts = Object.fromEntries(RSVP_STATES.map((state) => [state, invitees.filter((i) => i.rsvp === state).length]));
    const invitations = [...invitees]
      .sort((a, b) => compareByPrecedence(a.contact, b.contact))
      .map((i) => ({ ...publicView(i.contact), rsvp: i.rsvp, note: i.note ?? null }));
    const attendees = invitees.filter((i) => ATTENDING.includes(i.rsvp)).map((i) => i.contact);
    const { presider, hostPresides, seats } = seatingOrder(ceremony.host ?? null, attendees);

    const right = seats.filter((s) => s.side === 'right');
    const left = seats.filter((s) => s.side === 'left');
    return {
      ceremony: { documentId, title: ceremony.title, startsAt: ceremony.startsAt, venue: ceremony.venue, locale: ceremony.locale },
      host: ceremony.host ? publicView(ceremony.host) : null,
      presider,
      hostPresides,
      seats,
      /** The row as the audience sees it, left to right: the presider's right is the audience's left. */
      rowFromAudience: [...right.reverse(), ...seats.filter((s) => s.side === 'center'), ...left].map((s) => s.order),
      invitations,
      rsvpCounts,
    };
  },
});
