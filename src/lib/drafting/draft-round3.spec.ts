// The drafter's rules added in the third round of issue 16 (each test failed on the drafter before its change).
// The articles are made up, in our own words.
import { describe, expect, it } from 'vitest';
import { draftingBank } from '../../../tests/helpers/drafting.ts';
import { draftQuestions } from './draft.ts';
import { draftsYaml } from './draft-yaml.ts';
import { findMentions, gazetteerOf, splitSentences } from './extract.ts';
import type { DraftArticle } from './types.ts';

const { bank, draftsOf } = draftingBank('round3', '2023-05-12');

describe('a quotation of several sentences is one sentence', () => {
	it('does not cut inside the quotation', () => {
		const text =
			'"We have talked for two weeks. The harbour plan is agreed," said the chair of the talks, Mayor Olu Banda, on Friday.';
		const parts = splitSentences(text, []).map((s) => s.text);
		expect(parts).toEqual([text]);
	});
});

describe('a capitalised word is no person by itself', () => {
	it('"Rich" opening a sentence and "Gothic" before a noun are not people', () => {
		const text = [
			'Rich nations are expected to pay 100 billion dollars a year from 2020 to help poorer countries.',
			'The fire broke out in the roof of the Gothic cathedral, which was covered in scaffolding.'
		].join('\n');
		const names = splitSentences(text, [])
			.flatMap((s) => findMentions(s, '2019-04-16', gazetteerOf(bank().facts)))
			.filter((m) => m.value.kind === 'person' || m.value.kind === 'organisation')
			.map((m) => ('name' in m.value ? m.value.name : ''));
		expect(names).not.toContain('Rich');
		expect(names).not.toContain('Gothic');
	});
});

describe('a prompt never opens on a pronoun it does not name', () => {
	it('"It was first found…", "He said…" are not quoted as they stand', () => {
		const text = [
			'Measles, a virus that spreads through the air, causes fever and a rash across the body.',
			'It was first described by doctors in 1757 in Scotland, long before a vaccine existed.',
			'Health Minister Sara Obi visited the clinic in Lagos on Tuesday with three other officials.',
			'She said the country would need 4 million doses of vaccine before the end of the year.'
		].join('\n');
		for (const d of draftsOf(text, '2024-08-14'))
			expect(d.question.prompt).not.toMatch(/[“"](?:…)?(?:It|He|She|They)\b/u);
	});
});

describe('a rounded figure is asked with a tolerance', () => {
	it('"about 50 investigators" typed in allows about 5%', () => {
		const text =
			'The prosecutor said that about 50 investigators are questioning workers from the companies involved in the renovation of the old bridge.';
		const numeric = draftsOf(text, '2019-04-16').filter((d) => d.question.type === 'numeric');
		expect(numeric.length).toBeGreaterThan(0);
		for (const d of numeric)
			if (d.question.type === 'numeric') expect(d.question.tolerance).toBeGreaterThan(0);
	});
});

describe('drafts on an article of the bank', () => {
	const own = () => bank().articles.find((a) => a.slug === 'pau-summit-2020')!;
	const article = (): DraftArticle => ({
		slug: own().slug,
		title: own().title,
		publisher: own().publisher,
		eventDate: own().eventDate,
		text: own().text,
		furniture: own().furniture,
		citedAs: own().citedAs
	});

	it('name the report by its cited_as', () => {
		const drafts = draftQuestions(article(), bank());
		const gaps = drafts.filter((d) => d.form === 'gap-fill');
		expect(gaps.length).toBeGreaterThan(0);
		for (const d of gaps) expect(d.question.prompt).toContain(own().citedAs);
	});

	it('cite the bank fact that already quotes the passage, and propose new questions again', () => {
		const drafts = draftQuestions(article(), bank()).filter((d) => d.form !== 'timeline');
		// Two since the gender rule (draft-round14.spec.ts): "_____ and his government" has no man the report ties
		// to "his" beside Macron to offer.
		expect(drafts.length).toBeGreaterThanOrEqual(2);
		const quotes = new Map(bank().facts.map((f) => [f.id, f.quote]));
		for (const d of drafts) {
			expect(d.citesFact).toBeDefined();
			expect(quotes.get(d.citesFact!)).toBe(d.quote);
		}
		const yaml = draftsYaml(article(), drafts, 'pau.txt');
		// No new fact is defined for a passage a bank fact quotes.
		for (const d of drafts) expect(yaml).toContain(`facts: [ ${d.citesFact}`);
	});
});

describe("the bank's subject is told by a share of the names", () => {
	const TEXT = [
		'PARIS, April 16 (SQ Wire) - Fire destroyed the roof of the old Saint-Roch church in Paris on Monday evening, officials said.',
		'President Emmanuel Macron visited the site with Mayor Anne Hidalgo and promised that the church would be rebuilt within 6 years.',
		'Prosecutor Remy Heitz said that about 50 investigators were questioning workers from the firms Bati Nord and Lemaire Freres.',
		'The businessman Francois Pinault pledged 100 million euros, and Bernard Arnault pledged 200 million euros to the work.',
		'Firefighters from Lyon, Lille and Marseille helped the Paris brigade, and the blaze was out after 15 hours.',
		'Crowds gathered by the Seine to watch as 400 firefighters fought the flames through the night.'
	].join('\n');

	it('a report naming Macron and Paris among many others gets no Sahel options and no timeline', () => {
		const drafts = draftsOf(TEXT, '2019-04-16');
		expect(drafts.filter((d) => d.form === 'timeline')).toEqual([]);
		const sahel = /Sahel|Mali|Niger|Barkhane|Takuba|Bamako|Gulf of Guinea|Burkina/u;
		for (const d of drafts)
			if (d.question.type === 'single' || d.question.type === 'multiple')
				for (const o of d.question.options) expect(o.text).not.toMatch(sahel);
	});

	it("a list's wrong options are the article's own countries, not the bank's", () => {
		const text =
			'Cases of the new strain were confirmed in Burundi, Kenya, Rwanda and Uganda, four neighbours of Congo, the WHO said. Doctors in Sweden and Thailand also reported one case each on Thursday.';
		const lists = draftsOf(text, '2024-08-14').filter((d) => d.form === 'list');
		for (const d of lists)
			if (d.question.type === 'multiple')
				for (const o of d.question.options.filter((x) => !x.correct))
					expect(['Congo', 'Sweden', 'Thailand']).toContain(o.text);
	});
});
