-- Scheduling by fact: a learner's cards become one per fact (the fact a question asks about, its first
-- cited fact) instead of one per question. Every log row is kept; a fact's cards are merged into one.
-- The fact each card's question asks about: its current version's first fact (else its latest version's).
UPDATE review_card rc SET fact_id = (
	SELECT qv.fact_ids[1] FROM question_version qv JOIN question q ON q.id = qv.question_id
	WHERE qv.question_id = rc.question_id
	ORDER BY (qv.id = q.current_version_id) DESC, qv.version DESC
	LIMIT 1
);
--> statement-breakpoint
-- A card keeps its question only when that question cites no fact yet (a teacher's uncited question).
UPDATE review_card SET question_id = NULL WHERE fact_id IS NOT NULL;
--> statement-breakpoint
-- Of a learner's cards on one fact, the most recently reviewed survives: its memory state carries the latest
-- evidence. The others' log rows move onto it (the log is append-only: its trigger is paused for this move
-- only, and no row changes anything but the card it belongs to).
CREATE TEMPORARY TABLE fact_card_merge AS
	SELECT id AS card_id,
		first_value(id) OVER (PARTITION BY user_id, fact_id ORDER BY last_review DESC NULLS LAST, id) AS survivor_id,
		min(first_session_review_at) OVER (PARTITION BY user_id, fact_id) AS first_session_review_at,
		min(created_at) OVER (PARTITION BY user_id, fact_id) AS created_at
	FROM review_card WHERE fact_id IS NOT NULL;
--> statement-breakpoint
ALTER TABLE review_log DISABLE TRIGGER review_log_no_update;
--> statement-breakpoint
UPDATE review_log rl SET card_id = m.survivor_id
	FROM fact_card_merge m WHERE rl.card_id = m.card_id AND m.card_id <> m.survivor_id;
--> statement-breakpoint
ALTER TABLE review_log ENABLE TRIGGER review_log_no_update;
--> statement-breakpoint
UPDATE review_card rc SET first_session_review_at = m.first_session_review_at, created_at = m.created_at
	FROM fact_card_merge m WHERE rc.id = m.card_id AND m.card_id = m.survivor_id;
--> statement-breakpoint
DELETE FROM review_card rc USING fact_card_merge m WHERE rc.id = m.card_id AND m.card_id <> m.survivor_id;
--> statement-breakpoint
DROP TABLE fact_card_merge;
