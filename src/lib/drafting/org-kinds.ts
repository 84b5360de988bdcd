// What sort of body an organisation is, finer than "organisation": a wrong option must be a body of the
// key's own sort, or a reader strikes it out at a glance (al Qaeda beside the European Union, YouTube beside
// a moon mission, issue 16). Told by the name itself and by the words the article puts around it ("the
// Chandrayaan-3 mission", "ISRO's YouTube channel", "the Russian space agency Roscosmos"). Pure.
import { escapeRegExp as escape } from '../text/regexp.ts';

export type OrganisationSort =
	| 'facility'
	| 'armed group'
	| 'bloc'
	| 'lender'
	| 'central bank'
	| 'agency'
	| 'united nations'
	| 'mission'
	| 'media'
	| 'company'
	| 'party'
	| 'court'
	| 'government'
	| 'research'
	| 'committee';

/** Sorts told by the name's own words, most specific first. */
const BY_NAME: [OrganisationSort, RegExp][] = [
	// "the Satish Dhawan Space Centre at Sriharikota": a place where things are done, not a body that acts.
	[
		'facility',
		/\b(?:Space Cent(?:re|er)|Launch Cent(?:re|er)|Cosmodrome|Spaceport|Stadium|Airport|Air Base|Naval Base|Power Station|Power Plant|Dam)\b/u
	],
	[
		'armed group',
		/\b(?:al[- ]Qaeda|Islamic State|Boko Haram|Shabaab|Taliban|Hamas|Hezbollah|Wagner|JNIM|ISIS|ISIL|militia|militants?|rebels?|insurgents?|jihadists?|Brigades?|Front)\b/iu
	],
	['united nations', /\b(?:United Nations|U\.N\.|UN|Security Council|General Assembly)\b/u],
	// A prize's committee or jury judges; it employs no scientist and makes no vaccine.
	['committee', /\b(?:Nobel (?:Committee|Assembly|Foundation)|Committee for|Jury)\b/u],
	// Where research is done and people work: "Temple University", "Sweden's Karolinska Institute".
	[
		'research',
		/\b(?:University|College|Polytechnic|Laborator(?:y|ies)|Hospital|Medical Cent(?:re|er)|Institute of Technology|(?:Karolinska|Pasteur|Max Planck|Salk|Scripps|Wellcome|Francis Crick|Broad|Weizmann) Institute)\b/u
	],
	[
		'mission',
		/\b(?:Mission|Operation|Task Force|MINUSMA|MINUSCA|MONUSCO|EUTM|EUCAP|Barkhane|Serval|Takuba|Chandrayaan(?:-\d+)?|Artemis|Apollo|Luna(?:-\d+)?|Gaganyaan)\b/u
	],
	// A country's central bank is no lender to a firm, a shareholder or a failed bank: "the Federal Reserve" beside
	// "Signature Bank" is struck out at a glance. Known by its name (a short list: no tagger knows them) or by the
	// article calling it "the central bank" right beside it.
	[
		'central bank',
		/\b(?:Central Bank|Federal Reserve|Reserve Bank|ECB|Fed|SNB|BoJ|BoE|Bundesbank|Banque de France|Swiss National Bank|People's Bank of China|Bank of (?:England|Japan|Canada|Mexico|Korea|Italy|Spain|France|Russia|Ghana|Israel|Thailand|Brazil|Turkey))\b/u
	],
	['lender', /\b(?:Bank|Fund|Reserve|IMF|ECB|Treasury|Monetary)\b/u],
	[
		'bloc',
		/\b(?:Union|Community|Alliance|League|Commonwealth|Organisation of|Organization of|Association of|Group of|G7|G20|BRICS|ECOWAS|NATO|ASEAN|OPEC|AU|EU|SADC|G5)\b/u
	],
	['party', /\b(?:Party|PASTEF|Congress|Movement)\b/u],
	['court', /\b(?:Court|Tribunal|Constitutional Council)\b/u],
	[
		'media',
		/\b(?:YouTube|Twitter|Facebook|Instagram|TikTok|LCI|BBC|CNN|RFI|France 24|Al Jazeera|Reuters|AFP|AP|Television|TV|Radio|Channel|Times|Post|Journal)\b/u
	],
	[
		'company',
		/\b(?:Inc|Ltd|Corp|Corporation|Company|plc|SA|AG|Group|Holdings|Airlines|Motors|LVMH|Kering|SpaceX|Boeing|Airbus|Google|Apple|Amazon|Microsoft|Meta)\b/u
	],
	[
		'government',
		/\b(?:Ministry|Government|Presidency|Elysee|Élysée|Kremlin|White House|Cabinet|Parliament|Assembly|Senate|Junta|Army|Armed Forces|Police)\b/u
	],
	[
		'agency',
		/\b(?:Agency|Administration|Organisation|Organization|Programme|Program|Centres?|Centers?|Institute|Service|Commission|Authority|Office|Secretariat|Committee|Council|Cross|NASA|ISRO|ESA|JAXA|CNES|Roscosmos|WHO|CDC|UNICEF|UNESCO|UNHCR|FIFA|UEFA|IOC)\b/u
	]
];

/** Nouns after a name ("the Wagner group", "ISRO's YouTube channel") or before it ("the space agency Roscosmos"). */
const BY_NOUN: [OrganisationSort, RegExp][] = [
	['armed group', /^(?:group|militia|rebels?|militants?|insurgents?|fighters|mercenaries)$/u],
	['mission', /^(?:mission|missions|programme|program|operation|force|probe|lander|rover)$/u],
	['bloc', /^(?:bloc|alliance|nations|members?|states)$/u],
	['lender', /^(?:lender|bank|fund)$/u],
	['media', /^(?:channel|network|broadcaster|newspaper|station|platform|account)$/u],
	['company', /^(?:company|firm|group|maker|manufacturer|contractor)$/u],
	['research', /^(?:university|laboratory|hospital)$/u],
	['committee', /^(?:committee|jury)$/u],
	['party', /^(?:party)$/u],
	['agency', /^(?:agency|regulator|body|authority|institute|secretariat)$/u]
];

/**
 * The sort of body `name` is, from its words, else from the nouns the article puts right after or before it;
 * null when nothing tells. `text` is the article (or any text naming the body).
 */
export function organisationSort(name: string, text = ''): OrganisationSort | null {
	if (text) {
		// "the central bank, the Bank of Mexico", "Banco Central, the central bank".
		const beside = new RegExp(
			`\\bcentral bank,?\\s+(?:the\\s+)?${escape(name)}(?![\\p{L}])|(?<![\\p{L}])${escape(name)}(?:\\s+\\([^)]*\\))?,\\s+(?:the|its|the country's)\\s+central bank\\b`,
			'iu'
		);
		if (beside.test(text)) return 'central bank';
	}
	for (const [sort, re] of BY_NAME) if (re.test(name)) return sort;
	if (!text) return null;
	const at = new RegExp(`(?<![\\p{L}\\d-])${escape(name)}(?![\\p{L}\\d-])`, 'gu');
	for (const m of text.matchAll(at)) {
		// "the Chandrayaan-3 mission", "ISRO's YouTube channel", "the Wagner Russian mercenary group".
		const after = text
			.slice(m.index + name.length)
			.match(/^(?:['’]s)?\s+(?:[\p{Ll}-]+\s+){0,2}?([\p{Ll}]+)\b/u);
		const before = text.slice(Math.max(0, m.index - 40), m.index).match(/\b([\p{Ll}]+)[,]?\s+$/u);
		for (const word of [after?.[1], before?.[1]])
			if (word) for (const [sort, re] of BY_NOUN) if (re.test(word)) return sort;
	}
	return null;
}

/** Sorts that may stand together: the United Nations beside a regional bloc, or beside an agency. */
const NEAR: [OrganisationSort, OrganisationSort][] = [
	['united nations', 'bloc'],
	['united nations', 'agency']
];

/** Whether a body of sort `a` is a plausible wrong option beside one of sort `b`. */
export function sortsAlike(a: OrganisationSort, b: OrganisationSort): boolean {
	return a === b || NEAR.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}
