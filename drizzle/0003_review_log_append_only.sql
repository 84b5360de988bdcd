-- The review log is the record schedules and FSRS parameters are recomputed from: append only.
CREATE FUNCTION review_log_append_only() RETURNS trigger AS $$
BEGIN
	RAISE EXCEPTION 'review_log is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER review_log_no_update BEFORE UPDATE OR DELETE ON review_log
	FOR EACH ROW EXECUTE FUNCTION review_log_append_only();
