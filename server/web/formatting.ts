const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** An ISO date in GOV.UK style: "4 November 2021", or "Thursday 4 November 2021" with the weekday. */
export function formatMeetingDate(isoDate: string, withWeekday = false): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  return withWeekday ? `${WEEKDAYS[date.getUTCDay()]} ${day}` : day;
}
