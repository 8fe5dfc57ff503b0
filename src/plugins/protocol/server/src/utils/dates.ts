/** Calendar dates (YYYY-MM-DD) as the office sees them, whatever the server's time zone. */
export const dateIn = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);

export const monthsBefore = (instant: Date, months: number) => {
  const result = new Date(instant);
  result.setUTCMonth(result.getUTCMonth() - months);
  return result;
};

/** Days from `today` (YYYY-MM-DD) to the next anniversary of `birthday` (YYYY-MM-DD); 29 February falls on 28 February in other years. */
export const daysUntilAnniversary = (birthday: string, today: string) => {
  const [year, month, day] = today.split('-').map(Number);
  const [, bMonth, bDay] = birthday.split('-').map(Number);
  const occurrence = (y: number) => {
    const isLeap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const d = bMonth === 2 && bDay === 29 && !isLeap ? 28 : bDay;
    return Date.UTC(y, bMonth - 1, d);
  };
  const start = Date.UTC(year, month - 1, day);
  const next = occurrence(year) >= start ? occurrence(year) : occurrence(year + 1);
  return Math.round((next - start) / 86_400_000);
};

/** "jueves, 10 de diciembre de 2026, 10:00" in the office's time zone. */
export const formatSpanish = (instant: string | Date, timeZone: string) =>
  new Intl.DateTimeFormat('es-PE', { timeZone, dateStyle: 'full', timeStyle: 'short' }).format(new Date(instant));
