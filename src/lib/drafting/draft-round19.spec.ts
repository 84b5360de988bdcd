// A fault seen in the drafts of the ninth held-back set after drafts14 (issue 16): a place's gap with its
// sort written before it ("the island of _____") or as a coast ("the _____ coast") offered places of other
// sorts. The sentences are made up, in our own words.
import { describe, expect, it } from 'vitest';
import { draftingBank, wrongOf } from '../../../tests/helpers/drafting.ts';

const { draftsOf } = draftingBank('round19', '2024-01-03');

const FLIGHT = [
	'A cargo plane and a ferry collided near the port of Hakata on Tuesday evening, the coast guard said.',
	'The ferry, sailing from the port of Busan near the southern tip of the peninsula, had been cleared to dock at pier 4 and struck the barge at once.',
	'The barge was about to carry relief supplies to Sakata, on the Sea of Japan coast, for people hit by the earthquake on the Noto Peninsula.',
	'The plane, flying from New Chitose airport near Sapporo on the northern island of Hokkaido, landed safely at Fukuoka an hour later.',
	'In 1985 a jet flying from Tokyo to Osaka crashed into a mountain in Gunma prefecture, killing 520 people.',
	'Divers from the island of Tsushima and from Nagano prefecture joined the search for the missing crew the next morning.'
].join('\n');

/** Whether the report writes `name` with `noun` ("island of Hokkaido", "Sea of Japan coast"). */
const writtenWith = (name: string, noun: string) =>
	new RegExp(`(?:${noun} of ${name}|${name} ${noun})(?![\\p{L}])`, 'u').test(FLIGHT);

describe("a place's sort written before its gap, or a coast after it, constrains the options", () => {
	it.each([
		['island of _____', /island of _____/u, 'island'],
		['_____ coast', /_____ coast/u, 'coast']
	])('"%s" takes only places the report writes as such', (_label, gap, noun) => {
		const asked = draftsOf(FLIGHT).filter((d) => gap.test(d.question.prompt));
		const bad = asked.filter((d) => wrongOf(d).some((o) => !writtenWith(o, noun)));
		expect(bad.map((d) => [d.question.prompt, ...wrongOf(d)])).toEqual([]);
	});
});
