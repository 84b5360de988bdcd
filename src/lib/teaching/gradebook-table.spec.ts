import { describe, expect, it } from 'vitest';
import { gradebookTable } from './gradebook-table.ts';

describe('the gradebook as a spreadsheet', () => {
	it('has a percent and a late column per assignment, then a percent column per live session', () => {
		const table = gradebookTable(
			{
				assignments: [{ title: 'Homework' }],
				rows: [
					{
						student: { id: 's1', displayName: 'Ada', email: 'ada@test.example' },
						cells: [{ score: 3, maxScore: 4, late: true }]
					},
					{ student: { id: 's2', displayName: 'Bo', email: 'bo@test.example' }, cells: [null] }
				]
			},
			{
				sessions: [{ title: 'Friday quiz', finishedAt: new Date('2026-12-04T10:00:00Z') }],
				cellsOf: (id) => (id === 's1' ? [{ score: 1, maxScore: 3 }] : [null])
			}
		);
		expect(table).toEqual([
			['Name', 'Email', 'Homework (%)', 'Homework late', 'Friday quiz live 2026-12-04 (%)'],
			['Ada', 'ada@test.example', 75, 'late', 33.3],
			['Bo', 'bo@test.example', null, null, null]
		]);
	});
});
