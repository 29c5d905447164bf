/**
 * Column recognition of attendance exports: per-pupil totals (Vklass, Skola24 and similar) and
 * lesson-level rows. Headers are compared after `normalizeHeader`; a unit in the header (`min`, `(h)`)
 * is split off and remembered.
 */
import { normalizeHeader } from '../table/header';

export type AttendanceRole =
  | 'id' | 'name' | 'class' | 'school' | 'gender' | 'year'
  | 'scheduled' | 'present' | 'valid' | 'invalid' | 'unregistered' | 'absent' | 'percent'
  | 'date' | 'start' | 'minutes' | 'status' | 'late' | 'subject';

export type TimeUnit = 'minutes' | 'hours';

const ALIASES: Record<AttendanceRole, string[]> = {
  id: ['personnummer', 'pnr', 'personnr', 'person nr', 'elev-id', 'elevid', 'elev id', 'id', 'samordningsnummer', 'student id', 'pupil id', 'personal identity number'],
  name: ['elev', 'namn', 'elevnamn', 'name', 'student', 'pupil'],
  class: ['klass', 'class', 'grupp'],
  school: ['skola', 'skolenhet', 'skolenhetskod', 'school'],
  gender: ['kon', 'gender', 'sex'],
  year: ['arskurs', 'ak', 'year', 'grade'],
  scheduled: ['undv.tid', 'undv tid', 'undervisningstid', 'schemalagd tid', 'schemalagd', 'planerad tid', 'erbjuden tid', 'erbjuden undervisningstid', 'total tid', 'scheduled', 'scheduled time', 'offered time'],
  present: ['n', 'narvaro', 'narvarotid', 'narvarande', 'present', 'presence', 'present time'],
  valid: ['gf', 'giltig franvaro', 'giltig', 'anmald franvaro', 'valid absence', 'excused', 'excused absence', 'authorised absence'],
  invalid: ['f', 'ogiltig franvaro', 'ogiltig', 'oanmald franvaro', 'invalid absence', 'unexcused', 'unexcused absence', 'unauthorised absence'],
  unregistered: ['ej reg tid', 'ej reg', 'ej registrerad', 'ej registrerad tid', 'ej rapporterad', 'ej rapporterad tid', 'unregistered', 'not reported'],
  absent: ['franvaro', 'total franvaro', 'franvarotid', 'absence', 'total absence'],
  percent: [],
  date: ['datum', 'date', 'lektionsdatum', 'dag', 'day'],
  start: ['starttid', 'start', 'klockslag', 'start time', 'tid'],
  minutes: ['minuter', 'min', 'langd', 'lektionslangd', 'minutes', 'duration', 'length'],
  status: ['status', 'narvarostatus', 'narvaro status', 'registrering', 'attendance', 'franvarotyp', 'attendance status'],
  late: ['sen', 'sen ankomst', 'minuter sen', 'sena minuter', 'late', 'late minutes', 'minutes late'],
  subject: ['amne', 'subject', 'kurs', 'course'],
};

const LOOKUP = new Map<string, AttendanceRole>();
for (const [role, names] of Object.entries(ALIASES) as [AttendanceRole, string[]][]) {
  for (const n of names) LOOKUP.set(normalizeHeader(n), role);
}

const HOURS = /(?:\s*\((?:h|tim|timmar|hours?)\)|\s(?:h|tim|timmar|hours))$/;
const MINUTES = /(?:\s*\((?:min|minuter|minutes)\)|\s(?:min|minuter|minutes))$/;

/**
 * What an attendance header means, with the unit it states. Null when unknown.
 * @example attendanceColumn('N min') // { role: 'present', unit: 'minutes' }
 * @example attendanceColumn('Giltig frånvaro (h)') // { role: 'valid', unit: 'hours' }
 * @example attendanceColumn('Frånvaro (%)') // { role: 'percent', unit: null }
 */
export function attendanceColumn(header: string): { role: AttendanceRole; unit: TimeUnit | null } | null {
  const h = normalizeHeader(header);
  if (!h) return null;
  if (h.includes('%') || /\b(procent|percent)\b/.test(h)) return { role: 'percent', unit: null };
  const whole = LOOKUP.get(h);
  if (whole) return { role: whole, unit: null };
  const unit: TimeUnit | null = HOURS.test(h) ? 'hours' : MINUTES.test(h) ? 'minutes' : null;
  if (!unit) return null;
  const base = h.replace(unit === 'hours' ? HOURS : MINUTES, '').trim();
  const role = LOOKUP.get(base);
  return role ? { role, unit } : null;
}
