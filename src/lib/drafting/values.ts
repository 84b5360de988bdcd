// Comparing and showing typed values: when two values are the same answer (so one may never be offered
// as a wrong option for the other), and how a value reads as an option. Pure.
import type { FactValue } from '../bank/types.ts';
import { normaliseAnswerText } from '../text/normalise.ts';
import { MONTH_NAMES } from '../time/months.ts';

/** "5,100", "5 100" and "5100" are one number. */
export function parseAmount(text: string): number | null {
	const cleaned = text.replace(/[\s,\u00a0\u202f]/gu, '');
	return /^-?\d+(\.\d+)?$/u.test(cleaned) ? Number(cleaned) : null;
}

/** Soldiers, troops, forces and personnel are all counts of troops; other units compare as written. */
export function unitClass(unit: string): string {
	const u = normaliseAnswerText(unit);
	if (
		/\b(troops?|soldiers?|forces?|personnel|men|servicemen|special forces|peacekeepers)\b/u.test(u)
	)
		return 'troops';
	return u.replace(/s$/u, '');
}

/** The words of a name, normalised, without titles and the "Operation" prefix. */
function nameWords(name: string): string[] {
	return normaliseAnswerText(name)
		.replace(/^(operation|president|the|al)\s+/u, '')
		.split(' ')
		.filter(Boolean);
}

/** Countries' other names, as news writes them: "America" is the United States, so never its wrong option. */
const OTHER_NAMES: Record<string, string> = {
	america: 'United States',
	usa: 'United States',
	'u s': 'United States',
	us: 'United States',
	'united states of america': 'United States',
	britain: 'United Kingdom',
	'great britain': 'United Kingdom',
	uk: 'United Kingdom',
	holland: 'Netherlands'
};

/**
 * Whether two names are one answer in another spelling: equal after normalising (accents, case,
 * punctuation), or one is the other's last word or its whole-word part ("Macron" = "Emmanuel Macron",
 * "Barkhane" = "Operation Barkhane", "EUTM" = "EUTM Mali"), or a country by its other name ("America").
 */
export function sameName(a: string, b: string): boolean {
	const x = nameWords(OTHER_NAMES[normaliseAnswerText(a)] ?? a);
	const y = nameWords(OTHER_NAMES[normaliseAnswerText(b)] ?? b);
	if (!x.length || !y.length) return false;
	const [short, long] = x.length <= y.length ? [x, y] : [y, x];
	for (let i = 0; i + short.length <= long.length; i++) {
		if (short.every((w, k) => long[i + k] === w)) return true;
	}
	return false;
}

/** Whether offering `b` as a wrong answer to a question whose key is `a` would in fact be right. */
export function sameValue(a: FactValue, b: FactValue): boolean {
	if (a.kind === 'number' && b.kind === 'number') return a.amount === b.amount;
	if (a.kind === 'date' && b.kind === 'date')
		return a.date === b.date || a.date.startsWith(b.date) || b.date.startsWith(a.date);
	if ('name' in a && 'name' in b) return sameName(a.name, b.name);
	return false;
}

/** A number as the options show it: "2,400". */
export function formatAmount(n: number): string {
	return n.toLocaleString('en-GB');
}

/** A date as the options show it: "2013", "June 2020", "13 January 2020"; a month alone when asked by month. */
export function formatDate(date: string, monthOnly = false): string {
	const [y, m, d] = date.split('-');
	if (!m) return y;
	const month = MONTH_NAMES[Number(m) - 1];
	if (monthOnly) return month;
	return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

const WEEKDAY_NAMES = [
	'Sunday',
	'Monday',
	'Tuesday',
	'Wednesday',
	'Thursday',
	'Friday',
	'Saturday'
];

/** How a value reads as an option; a day the article names only by its weekday reads as that weekday. */
export function valueText(
	v: FactValue,
	options: { monthOnly?: boolean; weekday?: boolean } = {}
): string {
	if (v.kind === 'date' && options.weekday && v.date.length === 10)
		return WEEKDAY_NAMES[new Date(`${v.date}T00:00:00Z`).getUTCDay()];
	switch (v.kind) {
		case 'number':
			return v.unit === '%' ? `${formatAmount(v.amount)}%` : formatAmount(v.amount);
		case 'range':
			return `${formatAmount(v.min)}–${formatAmount(v.max)}`;
		case 'date':
			return formatDate(v.date, options.monthOnly);
		case 'operation':
			return v.name;
		default:
			return v.name;
	}
}
