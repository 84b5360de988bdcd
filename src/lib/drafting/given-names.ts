/**
 * The full given name that readers type for a person the report calls by a short one ("Joseph Biden" for Joe
 * Biden, "Christopher Pincher" for Chris Pincher): a typed answer accepts it, as a teacher would (issue 16, the
 * thirteenth reading). Only short forms that stand for one full name, and only that way round: "Sam" may be
 * Samuel or Samantha, and "Richard" is not always "Rick".
 */
const FULL_OF = new Map<string, string>([
	['Joe', 'Joseph'],
	['Chris', 'Christopher'],
	['Mike', 'Michael'],
	['Bill', 'William'],
	['Bob', 'Robert'],
	['Jim', 'James'],
	['Tom', 'Thomas'],
	['Tony', 'Anthony'],
	['Dan', 'Daniel'],
	['Ben', 'Benjamin'],
	['Nick', 'Nicholas'],
	['Matt', 'Matthew'],
	['Dave', 'David'],
	['Andy', 'Andrew'],
	['Liz', 'Elizabeth'],
	['Pete', 'Peter'],
	['Greg', 'Gregory'],
	['Jeff', 'Jeffrey'],
	['Ken', 'Kenneth']
]);

/** The person's name with its short given name written in full; none for a one-word or a full name. */
export function otherGivenForms(name: string): string[] {
	const [given, ...rest] = name.split(/\s+/u);
	const full = FULL_OF.get(given);
	return full && rest.length > 0 ? [[full, ...rest].join(' ')] : [];
}
