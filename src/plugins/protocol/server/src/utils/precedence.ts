/**
 * Precedence order: the explicit override (`precedenceRank`) when set, else
 * the rank of the contact's office (`precedence.rank`); contacts without a
 * rank go last. Ties: institution name, then family and given names.
 */
export interface RankedContact {
  documentId?: string;
  givenName?: string | null;
  familyName?: string | null;
  precedenceRank?: number | null;
  precedence?: { rank?: number | null } | null;
  institution?: { name?: string | null } | null;
}

export const effectiveRank = (contact: RankedContact): number | null =>
  contact.precedenceRank ?? contact.precedence?.rank ?? null;

const collator = new Intl.Collator('es', { sensitivity: 'base' });
const text = (value: string | null | undefined) => value ?? '';

export const compareByPrecedence = (a: RankedContact, b: RankedContact) => {
  const ra = effectiveRank(a);
  const rb = effectiveRank(b);
  if (ra !== rb) {
    if (ra === null) return 1;
    if (rb === null) return -1;
    return ra - rb;
  }
  return (
    collator.compare(text(a.institution?.name), text(b.institution?.name)) ||
    collator.compare(text(a.familyName), text(b.familyName)) ||
    collator.compare(text(a.givenName), text(b.givenName)) ||
    text(a.documentId).localeCompare(text(b.documentId))
  );
};

export const sortByPrecedence = <T extends RankedContact>(contacts: T[]) => [...contacts].sort(compareByPrecedence);

/** True when `a` strictly outranks `b` (both ranks known). */
export const outranks = (a: RankedContact, b: RankedContact) => {
  const ra = effectiveRank(a);
  const rb = effectiveRank(b);
  return ra !== null && rb !== null && ra < rb;
};
