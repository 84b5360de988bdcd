/**
 * The continent of each country, for a qualifier a sentence puts on a country ("Belgium's Bashir Abdi, the
 * European record holder", "the Asian country"): its wrong options must be countries of that continent too, or
 * the qualifier strikes them out. Neither the tagger nor the bank says where a country lies, so a small table
 * does; a country it does not list is taken for unknown and offered against no qualifier.
 */

export type Continent =
	'Europe' | 'Africa' | 'Asia' | 'North America' | 'South America' | 'Oceania';

const TABLE: Record<Continent, string> = {
	Europe:
		'Albania, Andorra, Austria, Belarus, Belgium, Bosnia and Herzegovina, Bulgaria, Croatia, Cyprus, Czech Republic, Czechia, Denmark, Estonia, Finland, France, Germany, Greece, Hungary, Iceland, Ireland, Italy, Kosovo, Latvia, Liechtenstein, Lithuania, Luxembourg, Malta, Moldova, Monaco, Montenegro, Netherlands, North Macedonia, Norway, Poland, Portugal, Romania, Russia, San Marino, Serbia, Slovakia, Slovenia, Spain, Sweden, Switzerland, Ukraine, United Kingdom, Britain, Great Britain, UK, England, Scotland, Wales, Northern Ireland, Vatican',
	Africa:
		'Algeria, Angola, Benin, Botswana, Burkina Faso, Burundi, Cameroon, Cape Verde, Central African Republic, Chad, Comoros, Congo, Democratic Republic of the Congo, Djibouti, Egypt, Equatorial Guinea, Eritrea, Eswatini, Ethiopia, Gabon, Gambia, Ghana, Guinea, Guinea-Bissau, Ivory Coast, Kenya, Lesotho, Liberia, Libya, Madagascar, Malawi, Mali, Mauritania, Mauritius, Morocco, Mozambique, Namibia, Niger, Nigeria, Rwanda, Senegal, Seychelles, Sierra Leone, Somalia, South Africa, South Sudan, Sudan, Tanzania, Togo, Tunisia, Uganda, Zambia, Zimbabwe',
	Asia: 'Afghanistan, Armenia, Azerbaijan, Bahrain, Bangladesh, Bhutan, Brunei, Cambodia, China, Georgia, India, Indonesia, Iran, Iraq, Israel, Japan, Jordan, Kazakhstan, Kuwait, Kyrgyzstan, Laos, Lebanon, Malaysia, Maldives, Mongolia, Myanmar, Nepal, North Korea, Oman, Pakistan, Philippines, Qatar, Saudi Arabia, Singapore, South Korea, Korea, Sri Lanka, Syria, Taiwan, Tajikistan, Thailand, Timor-Leste, Turkey, Turkmenistan, United Arab Emirates, UAE, Uzbekistan, Vietnam, Yemen, Palestine',
	'North America':
		'Antigua and Barbuda, Bahamas, Barbados, Belize, Canada, Costa Rica, Cuba, Dominica, Dominican Republic, El Salvador, Grenada, Guatemala, Haiti, Honduras, Jamaica, Mexico, Nicaragua, Panama, Saint Lucia, Trinidad and Tobago, United States, US, U.S., USA, America',
	'South America':
		'Argentina, Bolivia, Brazil, Chile, Colombia, Ecuador, Guyana, Paraguay, Peru, Suriname, Uruguay, Venezuela',
	Oceania:
		'Australia, Fiji, Kiribati, Marshall Islands, Micronesia, Nauru, New Zealand, Palau, Papua New Guinea, Samoa, Solomon Islands, Tonga, Tuvalu, Vanuatu'
};

const BY_COUNTRY = new Map<string, Continent>(
	(Object.entries(TABLE) as [Continent, string][]).flatMap(([continent, list]) =>
		list.split(/,\s*/u).map((c) => [c.toLowerCase(), continent] as const)
	)
);

/** The continent of a country by name ("the Netherlands", "Belgium"), or null when the table does not list it. */
export function continentOf(country: string): Continent | null {
	return (
		BY_COUNTRY.get(
			country
				.replace(/^the\s+/iu, '')
				.trim()
				.toLowerCase()
		) ?? null
	);
}

/** Words that put a country on a continent: "European", "an African…", "the Asian country". */
const ADJECTIVES: [RegExp, Continent[]][] = [
	[/\bEuropean\b/u, ['Europe']],
	[/\bAfrican\b/u, ['Africa']],
	[/\bAsian\b/u, ['Asia']],
	[/\b(?:South|Latin)\s+American\b/u, ['South America']],
	[/\bNorth\s+American\b/u, ['North America']],
	[/\b(?:Oceanian|Pacific island)\b/u, ['Oceania']]
];

/** The continents a sentence's qualifiers name ("the European record holder" → Europe). */
export function continentsNamed(text: string): Continent[] {
	return ADJECTIVES.filter(([re]) => re.test(text)).flatMap(([, c]) => c);
}
