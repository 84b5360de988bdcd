// The gradebook as the rows of a spreadsheet: a percent and a "late" column per assignment, then a
// percent column per live session run from the class's assignments. Pure: the server loads, this lays out.

type Cell = { score: number; maxScore: number; late?: boolean } | null;

/** Score as a percent of the maximum, to one decimal (0 when the maximum is 0). */
export function percentOf(score: number, maxScore: number): number {
	return maxScore > 0 ? Math.round((score / maxScore) * 1000) / 10 : 0;
}

export function gradebookTable(
	book: {
		assignments: { title: string }[];
		rows: { student: { id: string; displayName: string; email: string }; cells: Cell[] }[];
	},
	live: {
		sessions: { title: string; finishedAt: Date | null }[];
		cellsOf: (studentId: string) => Cell[];
	}
): (string | number | null)[][] {
	const header = [
		'Name',
		'Email',
		...book.assignments.flatMap((a) => [`${a.title} (%)`, `${a.title} late`]),
		...live.sessions.map(
			(s) => `${s.title} live ${s.finishedAt?.toISOString().slice(0, 10) ?? ''} (%)`
		)
	];
	const rows = book.rows.map((r) => [
		r.student.displayName,
		r.student.email,
		...r.cells.flatMap((c) =>
			c ? [percentOf(c.score, c.maxScore), c.late ? 'late' : ''] : [null, null]
		),
		...live.cellsOf(r.student.id).map((c) => (c ? percentOf(c.score, c.maxScore) : null))
	]);
	return [header, ...rows];
}
