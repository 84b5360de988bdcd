// The drafter's rules added after the fourth held-back reading of issue 16, from its failure kinds (each test
// failed on the drafter before its change). The articles are made up, in our own words.
import { describe, expect, it } from 'vitest';
import { draftingBank, optionsOf } from '../../../tests/helpers/drafting.ts';
import type { Draft } from './types.ts';

const { draftsOf } = draftingBank('round6', '2024-03-21');

const claims = (ds: Draft[]) => ds.filter((d) => d.form === 'true-false');
const whs = (ds: Draft[]) => ds.filter((d) => d.form === 'wh-question');

describe('a false claim stays false', () => {
	it('no false figure under a bound: "less than 1,000" is true when the quote says less than 600', () => {
		const text = [
			'Voters in the northern county went to the polls on Thursday for the by-election.',
			'Helen Marsh held on to her seat by fewer than 1,000 votes after a recount.',
			'Tom Avery won his seat by more than 4,000 votes in the southern district.',
			'Clara Boyd kept her seat by less than 600 votes, her smallest margin yet.',
			'The Green candidate won nearly 3,000 votes in the eastern ward on Thursday.',
			'Labour won at least 200 seats in the local councils on Thursday night.'
		].join('\n');
		const bounded = /\b(?:fewer than|less than|more than|nearly|at least)\s+([\d,]+)/u;
		const drafts = claims(draftsOf(text));
		expect(drafts.length).toBeGreaterThan(0);
		for (const d of drafts) {
			const said = d.question.prompt.match(bounded)?.[1];
			// A figure under a bound is the report's own, false claims or true.
			if (said) expect(d.quote).toContain(said);
		}
	});

	it('no country for a body: "The U.S. said" is no false claim for "The FBI said"', () => {
		const text = [
			'A cargo ship struck a pier in the harbour of Porto Vela on Monday night, officials said.',
			'The FBI said it had found nothing to suggest the crash was deliberate.',
			'The U.S. Coast Guard sent two boats to the harbour within an hour of the crash.',
			'The National Transport Board opened an inquiry into the crash on Tuesday.',
			'The port handled 30 million tons of cargo last year, the Harbour Authority said.'
		].join('\n');
		const drafts = draftsOf(text);
		const fbi = drafts.filter((d) => /found nothing/u.test(d.quote) && optionsOf(d).length);
		expect(fbi.length).toBeGreaterThan(0);
		for (const d of fbi) expect(optionsOf(d)).not.toContain('U.S.');
		for (const d of claims(drafts)) expect(d.question.prompt).not.toMatch(/U\.S\. said/u);
	});
});

describe('no gap or swap inside a word or a name', () => {
	it('"the 1960s" is neither "the _____s" nor "the 2013s"', () => {
		const text = [
			'A cargo ship struck a pier in the harbour of Porto Vela on Monday night, officials said.',
			'The pier, which was designed in the 1960s, had been repaired in 2015 at a cost of $12 million.',
			'The port handled 30 million tons of cargo last year, the Harbour Authority said.'
		].join('\n');
		const drafts = draftsOf(text);
		expect(drafts.some((d) => /1960s/u.test(d.quote))).toBe(true);
		for (const d of drafts) {
			expect(d.question.prompt).not.toMatch(/_____\p{L}|\p{L}_____/u);
			expect(d.question.prompt).not.toMatch(/\b(?!1960s)\d{4}s\b/u);
			expect(optionsOf(d)).not.toContain('1960');
		}
	});

	it('a surname after another first name is not asked: no "Beauden _____", no "Beauden Sam Cane"', () => {
		const text = [
			'New Zealand lost the final to Australia 17-12 in front of 70,000 people on Saturday.',
			'Jordie Barrett missed a penalty in the first minute of the match.',
			'Beauden Barrett then scored the first try of the match after ten minutes of play.',
			'Sam Cane was shown a yellow card in the second half for a late tackle.',
			'Ian Foster said the team had given everything and thanked the fans for their support.'
		].join('\n');
		const drafts = draftsOf(text);
		expect(drafts.some((d) => /Beauden/u.test(d.quote))).toBe(true);
		for (const d of drafts) {
			expect(d.question.prompt).not.toMatch(/Beauden (?!Barrett)/u);
			if (/Beauden Barrett/u.test(d.quote) && d.form === 'true-false')
				expect(d.question.prompt).toMatch(/Beauden Barrett/u);
		}
	});
});

describe('a wh-question asks a whole predicate', () => {
	const TEXT = [
		'New Zealand lost the final to Australia 17-12 in front of 70,000 people on Saturday.',
		'Ardie Savea became captain, Sam Whitelock vice-captain and Aaron Smith pack leader for the tour.',
		'Sam Cane said he was gutted, praised the courage of his players on the pitch.',
		'Chris Hipkins said in remarks at the stadium on Sunday: "The team did the country proud."',
		'Ian Foster spoke to reporters at the team hotel in Auckland on Monday.',
		'Aaron Smith said in a statement after the match on Sunday.',
		// A fourth speaker: a speaker is asked among three others who speak, or not at all.
		'Scott Robertson said the side would learn from the defeat before the next tour.'
	].join('\n');

	it('no comma in it, and no speech verb without its words; the gap-fill asks who instead', () => {
		const drafts = draftsOf(TEXT);
		for (const d of whs(drafts)) {
			const predicate = d.question.prompt.replace(/^.*?\b(?:who|which \w+)\s/u, '');
			expect(predicate).not.toContain(',');
			expect(predicate).not.toMatch(/^said (?:in|at|on)\b(?!.*\bthat\b)/u);
		}
		const gapped = drafts.filter(
			(d) => d.form === 'gap-fill' && /^Complete.*“_____ (said|became)/u.test(d.question.prompt)
		);
		expect(gapped.length).toBeGreaterThan(0);
	});
});
