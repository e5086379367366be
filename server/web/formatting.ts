import { MONTH_NAMES, WEEKDAY_NAMES } from '../common/calendar.js';

/** An ISO date in GOV.UK style: "4 November 2021", or "Thursday 4 November 2021" with the weekday. */
export function formatMeetingDate(isoDate: string, withWeekday = false): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const day = `${date.getUTCDate()} ${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  return withWeekday ? `${WEEKDAY_NAMES[date.getUTCDay()]} ${day}` : day;
}
