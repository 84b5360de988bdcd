import { describe, expect, test } from 'vitest';
import { cardUnitOf, pickQuestionToShow, unitKey, unitOfCard } from './fact-cards.ts';

describe('cardUnitOf', () => {
	test('a question moves the card of the fact it asks about: its first', () => {
		expect(cardUnitOf({ id: 'q', facts: ['asked', 'context'] })).toEqual({
			factId: 'asked',
			questionId: null
		});
	});
	test('a question citing nothing is its own card', () => {
		expect(cardUnitOf({ id: 't-q', facts: [] })).toEqual({ factId: null, questionId: 't-q' });
	});
	test('a stored card names the same unit as the question that made it', () => {
		const unit = cardUnitOf({ id: 'q', facts: ['f'] });
		expect(unitKey(unitOfCard({ factId: 'f', questionId: null }))).toBe(unitKey(unit));
		expect(unitKey(unitOfCard({ factId: null, questionId: 'q' }))).not.toBe(unitKey(unit));
	});
});

describe('pickQuestionToShow', () => {
	const at = (iso: string) => new Date(iso);
	test('the form seen least recently, never seen first', () => {
		expect(
			pickQuestionToShow([
				{ id: 'a', factCount: 1, lastSeen: at('2026-01-02T00:00:00Z') },
				{ id: 'b', factCount: 1, lastSeen: at('2026-01-01T00:00:00Z') }
			])?.id
		).toBe('b');
		expect(
			pickQuestionToShow([
				{ id: 'a', factCount: 1, lastSeen: at('2026-01-01T00:00:00Z') },
				{ id: 'z', factCount: 3, lastSeen: null }
			])?.id
		).toBe('z');
	});
	test('then the one citing fewest facts, then by id; none without candidates', () => {
		expect(
			pickQuestionToShow([
				{ id: 'a', factCount: 2, lastSeen: null },
				{ id: 'c', factCount: 1, lastSeen: null },
				{ id: 'b', factCount: 1, lastSeen: null }
			])?.id
		).toBe('b');
		expect(pickQuestionToShow([])).toBeNull();
	});
});
