/**
 * States and provinces, which wire copy writes after a city ("Pasadena, California", "Cape Canaveral, Florida"):
 * a gap before ", California" asks for a place in California, so neither a state nor a place the report puts in
 * another state is a fair wrong option (issue 16, the thirteenth reading). Like continents.ts, a small table: the
 * tagger does not say that a place is a state.
 */
import { continentOf } from './continents.ts';

/** A country of continents.ts's table. */
const isCountry = (name: string) => continentOf(name) !== null;

const STATES = new Set(
	[
		// The United States, less Washington and New York, which wire copy more often means as cities.
		'Alabama, Alaska, Arizona, Arkansas, California, Colorado, Connecticut, Delaware, Florida, Georgia, Hawaii, Idaho, Illinois, Indiana, Iowa, Kansas, Kentucky, Louisiana, Maine, Maryland, Massachusetts, Michigan, Minnesota, Mississippi, Missouri, Montana, Nebraska, Nevada, New Hampshire, New Jersey, New Mexico, North Carolina, North Dakota, Ohio, Oklahoma, Oregon, Pennsylvania, Rhode Island, South Carolina, South Dakota, Tennessee, Texas, Utah, Vermont, Virginia, West Virginia, Wisconsin, Wyoming',
		// Canada and Australia.
		'Alberta, British Columbia, Manitoba, New Brunswick, Newfoundland and Labrador, Nova Scotia, Ontario, Quebec, Saskatchewan, New South Wales, Queensland, Victoria, Tasmania, Western Australia, South Australia'
	]
		.join(', ')
		.split(/,\s*/u)
);

/** Whether `name` is a state or province of the table. */
export function isState(name: string): boolean {
	return STATES.has(name);
}

// ", California", or "complex in California" after a name.
const REGION_AFTER =
	/^(?:,|\s+(?:\p{Ll}+\s+){0,2}in)\s+(\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,2})/u;

/**
 * The state or country written right after a place, from the words that follow it (", California, cheered",
 * " complex in California" → California); null when none is ("Mali, Niger and Chad" lists countries: a country is no place's region here).
 */
export function regionAfter(name: string, after: string): string | null {
	if (isState(name) || isCountry(name)) return null;
	const words = REGION_AFTER.exec(after)?.[1];
	if (!words) return null;
	// "Pasadena, California" or "Dakar, Senegal"; the longest run of words that names one.
	const parts = words.split(/\s+/u);
	for (let n = parts.length; n > 0; n--) {
		const region = parts.slice(0, n).join(' ');
		if (isState(region) || isCountry(region)) return region;
	}
	return null;
}
