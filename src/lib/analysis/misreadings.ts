// The article heatmap: for each cited passage, how often a teacher's students answered the questions that
// cite it wrongly, and which wrong answers they gave. Pure: the server loads the answers, this counts them.
import type { Question } from '../bank/types.ts';
import { describeResponse } from '../quiz/grade.ts';
import type { Response } from '../quiz/types.ts';

/**
 * One answer of a student: the question version it was served in, whether it was right, and the
 * assignment it was given for (null for a live session run from a set alone).
 */
export type MisreadAnswer = {
	versionId: number;
	correct: boolean;
	response: Response | null;
	assignmentId?: string | null;
};

export type QuestionMisreading = {
	questionId: string;
	prompt: string;
	answered: number;
	wrong: number;
	/** The wrong answers given, most frequent first (blank answers as "No answer given"). */
	wrongAnswers: { text: string; count: number }[];
	/** The assignments it was answered for, whose item analysis tells more about it. */
	assignmentIds: string[];
};

export type PassageMisreading = {
	answered: number;
	wrong: number;
	/** Shade from 1 (few wrong) to 4 (most wrong); 0 when nobody in scope answered a question on it. */
	level: 0 | 1 | 2 | 3 | 4;
	questions: QuestionMisreading[];
};

/** The shading levels: the share of wrong answers each starts at (the legend says the same). */
export const MISREAD_LEVELS = [
	{ level: 1, from: 0, label: 'under 20% wrong' },
	{ level: 2, from: 0.2, label: '20–39% wrong' },
	{ level: 3, from: 0.4, label: '40–59% wrong' },
	{ level: 4, from: 0.6, label: '60% or more wrong' }
] as const;

export function misreadLevel(wrong: number, answered: number): PassageMisreading['level'] {
	if (answered === 0) return 0;
	const share = wrong / answered;
	return [...MISREAD_LEVELS].reverse().find((l) => share >= l.from)!.level;
}

/**
 * Per passage (fact id) of the article: the answers to questions citing it. A question citing two of the
 * article's passages counts on both: a wrong answer may come from misreading either.
 */
export function misreadingsByFact(
	answers: MisreadAnswer[],
	versions: Map<number, { questionId: string; body: Question }>,
	articleFactIds: string[]
): Record<string, PassageMisreading> {
	const inArticle = new Set(articleFactIds);
	const byQuestion = new Map<string, QuestionMisreading & { facts: string[] }>();
	const wrongTexts = new Map<string, Map<string, number>>();
	for (const a of answers) {
		const served = versions.get(a.versionId);
		if (!served) continue;
		const facts = served.body.facts.filter((f) => inArticle.has(f));
		if (!facts.length) continue;
		let q = byQuestion.get(served.questionId);
		if (!q) {
			q = {
				questionId: served.questionId,
				prompt: served.body.prompt,
				answered: 0,
				wrong: 0,
				wrongAnswers: [],
				assignmentIds: [],
				facts
			};
			byQuestion.set(served.questionId, q);
			wrongTexts.set(served.questionId, new Map());
		}
		q.answered++;
		if (a.assignmentId && !q.assignmentIds.includes(a.assignmentId))
			q.assignmentIds.push(a.assignmentId);
		if (!a.correct) {
			q.wrong++;
			const text = a.response ? describeResponse(served.body, a.response) : 'No answer given';
			const counts = wrongTexts.get(served.questionId)!;
			counts.set(text, (counts.get(text) ?? 0) + 1);
		}
	}
	const result: Record<string, PassageMisreading> = {};
	for (const id of articleFactIds) result[id] = { answered: 0, wrong: 0, level: 0, questions: [] };
	for (const { facts, ...q } of byQuestion.values()) {
		q.assignmentIds.sort();
		q.wrongAnswers = [...wrongTexts.get(q.questionId)!]
			.map(([text, count]) => ({ text, count }))
			.sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
		for (const f of facts) {
			const p = result[f];
			p.answered += q.answered;
			p.wrong += q.wrong;
			p.questions.push(q);
		}
	}
	for (const p of Object.values(result)) {
		p.level = misreadLevel(p.wrong, p.answered);
		p.questions.sort((a, b) => b.wrong - a.wrong || a.prompt.localeCompare(b.prompt));
	}
	return result;
}
