// The periodic bulletin (weekly by default): the norms that entered into force, the press
// notes published in the period and the ceremonies coming up, to each body according to
// the subjects it follows. Every instance runs the cron; the period's key is unique on
// the circulars table, so the first instance to write the period's bulletin sends it and
// the others find the key taken and send nothing.
import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { dateIn, getService, isUniqueViolation, pluginConfig } from '../utils/get-service';
import { follows, type CircularItems } from './content';
import { normKeysOf } from './circulars';

const DAY = 86_400_000;

/** The instant a date starts in a time zone (no daylight saving in Peru, but any zone works). */
export function startOfDay(timeZone: string, date: string) {
  const utc = new Date(`${date}T00:00:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(utc)
      .map((p) => [p.type, p.value])
  );
  const asLocal = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return new Date(utc.getTime() - (asLocal - utc.getTime()));
}

const addDays = (date: string, days: number) => new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY).toISOString().slice(0, 10);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The period a run at `at` covers: the `periodDays` days before the run's date. */
  periodOf(at: Date) {
    const { timezone, bulletin } = pluginConfig(strapi);
    const toDate = dateIn(timezone, at);
    const fromDate = addDays(toDate, -bulletin.periodDays);
    return { fromDate, toDate, key: `bulletin|${fromDate}|${toDate}` };
  },

  /** Sends the period's bulletin unless an instance already did; returns the circular's id, or null. */
  async run(at: Date = new Date()) {
    const { timezone, bulletin } = pluginConfig(strapi);
    const { fromDate, toDate, key } = this.periodOf(at);
    const taken = await strapi.db.query(UIDS.circular).findOne({ where: { periodKey: key }, select: ['id'] });
    if (taken) return null;

    const from = startOfDay(timezone, fromDate);
    const to = startOfDay(timezone, toDate);
    // Norms in force from a date of the period (dates, not instants): fromDate … toDate − 1.
    const items = await getService(strapi, 'content').forBulletin(from, to, new Date(to.getTime() + bulletin.upcomingCeremonyDays * DAY), fromDate, addDays(toDate, -1));
    const audience = (await getService(strapi, 'audience').activeBodies()).filter((b) => b.subjects.length && b.recipients.length);
    const itemsFor = (body: { subjects: string[] }): CircularItems | null => {
      const mine: CircularItems = {
        norms: items.norms.filter((n) => follows(body.subjects, n.subjects)),
        pressNotes: items.pressNotes.filter((p) => follows(body.subjects, p.subjects)),
        ceremonies: items.ceremonies,
      };
      return mine.norms.length || mine.pressNotes.length || mine.ceremonies.length ? mine : null;
    };
    if (!audience.some((b) => itemsFor(b))) return null;

    let circular: Record<string, any>;
    try {
      circular = await getService(strapi, 'circulars').write(
        {
          kind: 'bulletin',
          title: `Boletín del ${fromDate.split('-').reverse().join('/')} al ${addDays(toDate, -1).split('-').reverse().join('/')}`,
          message: null,
          forCompliance: false,
          subjects: [],
          items,
          normKeys: normKeysOf(items),
          periodKey: key,
        },
        audience,
        null,
        itemsFor
      );
    } catch (error) {
      if (isUniqueViolation(error)) return null; // another instance wrote this period's bulletin first
      throw error;
    }
    await getService(strapi, 'outbox').firstAttempts(circular.id);
    return circular.id as number;
  },
});
