// The learner's mistakes notebook and progress page.
import { and, desc, eq, gte, isNull, lte, ne, or } from 'drizzle-orm';
import type { Question } from '../../bank/types.ts';
import { describeCorrectAnswer, describeResponse } from '../../quiz/grade.ts';
import type { Response } from '../../quiz/types.ts';
import {
	activityPerDay,
	dueForecast,
	dayKeys,
	masteryBy,
	retentionPerWeek,
	trueRetention
} from '../../review/progress.ts';
import { DAY_MS, startOfLearnerDay } from '../../time/zones.ts';
import { createScheduler } from '../../review/scheduler.ts';
import { cardUnitOf, unitKey, unitOfCard } from '../../review/fact-cards.ts';
import { isAnyOf } from '../db/array-params.ts';
import type { Db } from '../db/index.ts';
import { getCitationsByFactId, pickCitations } from '../db/queries/citations.ts';
import {
	answer,
	article,
	assignment,
	attempt,
	attemptQuestion,
	fact,
	question,
	questionVersion,
	reviewLog
} from '../db/schema.ts';
import { getWithheldQuestionIds, ownerIsMember } from '../disclosure.ts';
import { cardFromRow, getLearnerCards, getLearnerSettings, releaseFeedback } from './cards.ts';

/**
 * Every question the learner got wrong (in a quiz or a review), with their latest wrong answer and its card.
 * Not the answers of an assignment whose feedback comes after its due time until that time: the notebook
 * shows the right answer.
 */
export async function getMistakes(db: Db, userId: string, now = new Date()) {
	const [wrongInQuizzes, wrongInReviews, cards, withheld] = await Promise.all([
		db
			.select({
				questionId: questionVersion.questionId,
				response: answer.response,
				at: answer.answeredAt
			})
			.from(answer)
			.innerJoin(attempt, eq(attempt.id, answer.attemptId))
			.innerJoin(
				attemptQuestion,
				and(
					eq(attemptQuestion.attemptId, answer.attemptId),
					eq(attemptQuestion.position, answer.position)
				)
			)
			.innerJoin(questionVersion, eq(questionVersion.id, attemptQuestion.questionVersionId))
			.leftJoin(assignment, eq(assignment.id, attempt.assignmentId))
			.where(
				and(
					eq(attempt.userId, userId),
					eq(attempt.status, 'submitted'),
					eq(answer.correct, false),
					or(
						isNull(attempt.assignmentId),
						ne(assignment.feedback, 'after_due'),
						lte(assignment.dueAt, now)
					),
					// A student removed from the class is shown nothing more of that assignment.
					ownerIsMember
				)
			)
			.prepare('wrong_in_quizzes')
			.execute(),
		db
			.select({
				questionId: reviewLog.questionId,
				response: reviewLog.response,
				at: reviewLog.reviewedAt
			})
			.from(reviewLog)
			.where(
				and(
					eq(reviewLog.userId, userId),
					eq(reviewLog.rating, 'again'),
					eq(reviewLog.source, 'review')
				)
			)
			.prepare('wrong_in_reviews')
			.execute(),
		getLearnerCards(db, userId),
		getWithheldQuestionIds(db, userId, now)
	]);
	const latest = new Map<string, { response: Response | null; at: Date }>();
	for (const w of [...wrongInQuizzes, ...wrongInReviews]) {
		// The notebook shows the right answer: not for a question of an assignment still open to the learner.
		if (withheld.has(w.questionId)) continue;
		const held = latest.get(w.questionId);
		if (!held || w.at > held.at) latest.set(w.questionId, { response: w.response, at: w.at });
	}
	if (latest.size === 0) return [];
	const ids = [...latest.keys()];
	const rows = await db
		.select({ id: question.id, ownerId: question.ownerId, body: questionVersion.body })
		.from(question)
		.innerJoin(questionVersion, eq(questionVersion.id, question.currentVersionId))
		.where(and(isAnyOf(question.id, ids), eq(question.active, true)))
		.prepare('mistake_questions')
		.execute();
	const factById = await getCitationsByFactId(
		db,
		rows.flatMap((r) => r.body.facts)
	);
	const cardOf = new Map(cards.map((c) => [unitKey(unitOfCard(c)), c]));
	return rows
		.map((r) => {
			const wrong = latest.get(r.id)!;
			// The card of the fact the question asks about: its phrasings share it.
			const card = cardOf.get(unitKey(cardUnitOf({ id: r.id, facts: r.body.facts })));
			const citations = pickCitations(factById, r.body.facts);
			return {
				questionId: r.id,
				prompt: r.body.prompt,
				tags: r.body.tags,
				articles: [...new Set(citations.map((c) => c.articleSlug))],
				wrongAnswer: wrong.response
					? describeResponse(r.body as Question, wrong.response)
					: 'No answer given',
				wrongAt: wrong.at,
				rightAnswer: describeCorrectAnswer(r.body),
				citations,
				// "known": in review state and not lapsed since; "learning" and "relearning" as FSRS names them.
				state: card ? (card.state === 'review' ? 'known' : card.state) : 'learning',
				due: card?.due ?? null,
				// Practice draws from the shared bank; a teacher's own questions come back in review only.
				inPractice: r.ownerId === null
			};
		})
		.sort((a, b) => b.wrongAt.getTime() - a.wrongAt.getTime());
}

export async function getProgress(db: Db, userId: string, now: Date) {
	// Answers whose feedback has just been released move their cards before they are counted.
	await releaseFeedback(db, userId, now);
	const settings = await getLearnerSettings(db, userId);
	const tz = settings.timeZone;
	const rollover = settings.dayRolloverHour;
	// Eight weeks of log: the retention chart's span; the daily charts read the last 30 days of it.
	const since = new Date(now.getTime() - 8 * 7 * DAY_MS - DAY_MS);
	const [logs, cards, bankRows] = await Promise.all([
		db
			.select({
				reviewedAt: reviewLog.reviewedAt,
				rating: reviewLog.rating,
				source: reviewLog.source,
				cardBefore: reviewLog.cardBefore
			})
			.from(reviewLog)
			.where(and(eq(reviewLog.userId, userId), gte(reviewLog.reviewedAt, since)))
			.orderBy(desc(reviewLog.reviewedAt))
			.prepare('progress_logs')
			.execute(),
		getLearnerCards(db, userId),
		db
			.select({ id: question.id, facts: questionVersion.factIds, tags: questionVersion.tags })
			.from(question)
			.innerJoin(questionVersion, eq(questionVersion.id, question.currentVersionId))
			// Mastery is measured over the grounded bank, not over teachers' own questions.
			.where(and(eq(question.active, true), isNull(question.ownerId)))
			.prepare('bank_question_facts')
			.execute()
	]);
	const articleOfFact = new Map(
		(await db.select({ id: fact.id, article: fact.articleSlug }).from(fact)).map((f) => [
			f.id,
			f.article
		])
	);
	const articles = await db
		.select({ slug: article.slug, title: article.title })
		.from(article)
		.where(isNull(article.ownerId));

	const last30 = dayKeys(new Date(now.getTime() - 29 * DAY_MS), 30, tz, rollover);
	const scheduler = createScheduler({
		desiredRetention: settings.desiredRetention,
		weights: settings.weights ?? undefined
	});
	const cardByUnit = new Map(
		cards.map((c) => [
			unitKey(unitOfCard(c)),
			{
				state: c.state,
				retrievability: scheduler.retrievability(cardFromRow(c), now)
			}
		])
	);
	// Each question is as well known as the fact it asks about.
	const cardByQuestion = new Map(
		bankRows.flatMap((q) => {
			const card = cardByUnit.get(unitKey(cardUnitOf(q)));
			return card ? [[q.id, card] as const] : [];
		})
	);
	const byState = { new: 0, learning: 0, review: 0, relearning: 0 };
	const counted = logs.map((l) => ({
		rating: l.rating,
		stateBefore: l.cardBefore.state,
		dueBefore: l.cardBefore.due,
		reviewedAt: l.reviewedAt
	}));
	const last30Start = startOfLearnerDay(new Date(now.getTime() - 29 * DAY_MS), tz, rollover);
	for (const c of cards) byState[c.state]++;

	return {
		settings,
		activityPerDay: activityPerDay(logs, last30, tz, rollover),
		retention: trueRetention(
			counted.filter((l) => l.reviewedAt >= last30Start),
			tz,
			rollover
		),
		retentionPerWeek: retentionPerWeek(counted, now, 8, tz, rollover),
		byState,
		forecast: dueForecast(
			cards.map((c) => c.due),
			now,
			30,
			tz,
			rollover
		),
		masteryByArticle: masteryBy(
			bankRows.map((q) => ({
				id: q.id,
				groups: [...new Set(q.facts.map((f) => articleOfFact.get(f) ?? ''))].filter(Boolean)
			})),
			cardByQuestion,
			settings.desiredRetention
		).map((m) => ({ ...m, title: articles.find((a) => a.slug === m.group)?.title ?? m.group })),
		masteryByTopic: masteryBy(
			bankRows.map((q) => ({ id: q.id, groups: q.tags })),
			cardByQuestion,
			settings.desiredRetention
		).sort((a, b) => b.questions - a.questions)
	};
}
