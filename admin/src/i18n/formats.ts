/**
 * British formats, used everywhere in the admin: £1,234.56, 31/03/2026, 2025-26.
 * Money stays a decimal string end to end (never a float), as on the wire.
 */

const GROUPS = /\B(?=(\d{3})+(?!\d))/g;

/** "1234.5" → "£1,234.50"; "-20" → "-£20.00"; null → "". */
export function formatMoney(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const text = String(value).trim();
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return text;
  const [, minus, whole, fraction = ''] = match;
  const pence = (fraction + '00').slice(0, 2);
  return `${minus ? '-' : ''}£${whole.replace(/^0+(?=\d)/, '').replace(GROUPS, ',')}.${pence}`;
}

/** A typed or pasted amount ("£1,234.5", "1234.50", "-3") → "1234.50"; null when it is not an amount of money. */
export function parseMoney(text: string): string | null {
  const cleaned = text.trim().replace(/^£/, '').replace(/^(-)£/, '$1').replace(/,/g, '').replace(/\s/g, '');
  const match = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const [, minus, whole, fraction = ''] = match;
  return `${minus ?? ''}${whole.replace(/^0+(?=\d)/, '')}.${(fraction + '00').slice(0, 2)}`;
}

/** "2026-03-31" → "31/03/2026". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}

function validDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "31/03/2026", "31/3/26", "31-03-2026", "31.03.2026" or "2026-03-31" → "2026-03-31"; null when not a real date. */
export function parseDate(text: string): string | null {
  const t = text.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (match) return validDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (!match) return null;
  const year = match[3].length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
  return validDate(year, Number(match[2]), Number(match[1]));
}

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** An instant, shown in UK time: "31/03/2026, 10:30" → "31/03/2026 10:30". */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return dateTimeFormat.format(date).replace(',', '');
}

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 });

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : numberFormat.format(value);
}

/** The UK public-sector financial year (1 April to 31 March) of a date: "2025-06-30" → "2025-26". */
export function financialYear(date: string): string {
  const [year, month] = date.split('-').map(Number);
  const start = month >= 4 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** Minutes that UK time is ahead of UTC at an instant (0 in winter, 60 in summer). */
function londonOffsetMinutes(instant: Date): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return Math.round((asUtc - Math.floor(instant.getTime() / 60000) * 60000) / 60000);
}

/** "20/04/2026 20:00" (UK time) or an ISO instant → an ISO instant; null when it is neither. */
export function parseDateTime(text: string): string | null {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(t)) {
    const d = new Date(t);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  const match = /^(.+?)[ T,]+(\d{1,2}):(\d{2})$/.exec(t);
  if (!match) return null;
  const date = parseDate(match[1]);
  const [hour, minute] = [Number(match[2]), Number(match[3])];
  if (!date || hour > 23 || minute > 59) return null;
  const naive = new Date(`${date}T${String(hour).padStart(2, '0')}:${match[3]}:00Z`);
  const first = new Date(naive.getTime() - londonOffsetMinutes(naive) * 60000);
  return new Date(naive.getTime() - londonOffsetMinutes(first) * 60000).toISOString();
}
