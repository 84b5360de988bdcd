// Whether words name a country by its people's adjective or noun ("the 24-year-old Dutchman", "a French
// official"): beside a gap for that country they give it away. Pure.

/** Demonyms that do not grow from the country's name by a suffix: for these countries, the only ones. */
const IRREGULAR: Record<string, string[]> = {
	Netherlands: ['Dutch', 'Dutchman', 'Dutchwoman'],
	France: ['French', 'Frenchman', 'Frenchwoman'],
	Britain: ['British', 'Briton'],
	'United Kingdom': ['British', 'Briton'],
	'United States': ['American'],
	England: ['English', 'Englishman', 'Englishwoman'],
	Scotland: ['Scottish', 'Scot', 'Scots'],
	Wales: ['Welsh', 'Welshman', 'Welshwoman'],
	Ireland: ['Irish', 'Irishman', 'Irishwoman'],
	Switzerland: ['Swiss'],
	Spain: ['Spanish', 'Spaniard'],
	Denmark: ['Danish', 'Dane'],
	Sweden: ['Swedish', 'Swede'],
	Finland: ['Finnish', 'Finn'],
	Poland: ['Polish', 'Pole'],
	Turkey: ['Turkish', 'Turk'],
	Greece: ['Greek'],
	Thailand: ['Thai'],
	Philippines: ['Filipino', 'Filipina'],
	Iceland: ['Icelandic', 'Icelander'],
	'New Zealand': ['New Zealander', 'Kiwi'],
	'South Africa': ['South African'],
	'South Korea': ['South Korean'],
	'North Korea': ['North Korean'],
	'Saudi Arabia': ['Saudi'],
	Israel: ['Israeli'],
	'Ivory Coast': ['Ivorian'],
	Norway: ['Norwegian'],
	Belgium: ['Belgian'],
	Peru: ['Peruvian'],
	// Not "Nigerian", which is Nigeria's.
	Niger: ['Nigerien']
};

/** The forms a reader would take for the country's people: "Kenya" → Kenyan; "China" → Chinese; "Mali" → Malian. */
export function demonymsOf(country: string): string[] {
	const irregular = IRREGULAR[country];
	if (irregular) return irregular;
	if (/\s/u.test(country)) return [];
	// "Germany" → German, "Kenya" → Kenyan, "Chile" → Chilean, "Gabon" → Gabonese, "Iraq" → Iraqi.
	const stem = country.replace(/[aeoy]$/u, '');
	return ['', 'an', 'ian', 'ean', 'ese', 'i', 'n']
		.map((suffix) => `${stem}${suffix}`)
		.filter((d) => d !== country && d.length > 3);
}

/** Whether `words` hold a demonym of `country` as a whole word. */
export function namesItsPeople(words: string, country: string): boolean {
	return demonymsOf(country).some((d) =>
		new RegExp(`(?<![\\p{L}])${d.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}])`, 'u').test(
			words
		)
	);
}
