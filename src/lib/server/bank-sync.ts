// Loads the parsed bank into Postgres. Idempotent: loading the same bank twice changes nothing.
// A question whose content changed gets a new version; attempts keep pointing at the version they served.
// Teachers' own questions (owner_id set, made in the app) are not the files' business: the sync never
// changes or retires them.
import { createHash } from 'node:crypto';
import { and, eq, isNull, notInArray } from 'drizzle-orm';
import type { Bank, Question } from '../bank/types.ts';
import type { Db } from './db/index.ts';
import { article, fact, question, questionVersion } from './db/schema.ts';

export type SyncReport = { created: number; updated: number; unchanged: number; retired: number };

/** JSON with sorted keys, so that the hash depends on content and not on key order. */
function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

export function questionContentHash(q: Question): string {
	return createHash('sha256').update(canonicalJson(q)).digest('hex').slice(0, 32);
}

export async function syncBank(db: Db, bank: Bank): Promise<SyncReport> {
	return db.transaction(async (tx) => {
		for (const a of bank.articles) {
			const row = {
				slug: a.slug,
				file: a.file,
				title: a.title,
				publisher: a.publisher,
				eventDate: a.eventDate,
				text: a.text,
				furniture: a.furniture
			};
			await tx.insert(article).values(row).onConflictDoUpdate({ target: article.slug, set: row });
		}
		for (const f of bank.facts) {
			const row = {
				id: f.id,
				articleSlug: f.article,
				quote: f.quote,
				value: f.value ?? null,
				// Not part of any question (question versions hash the question only): a label drafting uses.
				event: f.event ?? null,
				spanStart: f.span.start,
				spanEnd: f.span.end
			};
			await tx.insert(fact).values(row).onConflictDoUpdate({ target: fact.id, set: row });
		}

		const versions = await tx
			.select({
				id: questionVersion.id,
				questionId: questionVersion.questionId,
				version: questionVersion.version,
				contentHash: questionVersion.contentHash
			})
			.from(questionVersion);
		const current = await tx.select().from(question);
		const currentVersionOf = new Map(current.map((q) => [q.id, q]));

		const report: SyncReport = { created: 0, updated: 0, unchanged: 0, retired: 0 };
		for (const q of bank.questions) {
			const contentHash = questionContentHash(q);
			const own = versions.filter((v) => v.questionId === q.id);
			const existing = currentVersionOf.get(q.id);
			// Unreachable while the bank refuses ids starting with "t-"; never take over a teacher's question.
			if (existing?.ownerId)
				throw new Error(`bank question "${q.id}" has the id of a teacher's own question`);
			const same = own.find((v) => v.contentHash === contentHash);
			if (existing && same && existing.currentVersionId === same.id && existing.active) {
				report.unchanged++;
				continue;
			}
			if (!existing) await tx.insert(question).values({ id: q.id });
			let versionId = same?.id;
			if (versionId === undefined) {
				const [inserted] = await tx
					.insert(questionVersion)
					.values({
						questionId: q.id,
						version: Math.max(0, ...own.map((v) => v.version)) + 1,
						contentHash,
						type: q.type,
						difficulty: q.difficulty,
						tags: q.tags,
						factIds: q.facts,
						body: q
					})
					.returning({ id: questionVersion.id });
				versionId = inserted.id;
			}
			await tx
				.update(question)
				.set({ currentVersionId: versionId, active: true })
				.where(eq(question.id, q.id));
			if (existing) report.updated++;
			else report.created++;
		}

		const ids = bank.questions.map((q) => q.id);
		const retired = await tx
			.update(question)
			.set({ active: false })
			.where(
				and(
					eq(question.active, true),
					isNull(question.ownerId),
					ids.length ? notInArray(question.id, ids) : undefined
				)
			)
			.returning({ id: question.id });
		report.retired = retired.length;
		return report;
	});
}
