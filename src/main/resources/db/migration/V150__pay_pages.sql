-- A top earner's pay pages read one member's lines of one run: totals by bonus and level, a page of
-- lines in statement order, the statement streamed (ADR 23). This index serves all three; a second
-- finds the lines of one source member.
CREATE INDEX commission_line_earner ON commission_line (run_id, earner_id, bonus, source_order_id, level);
CREATE INDEX commission_line_source ON commission_line (run_id, source_member_id);

-- A run's line count and total, kept with the run when it is stored, so that listing runs never
-- sums millions of lines (a run stored without them is summed when read).
ALTER TABLE commission_run ADD COLUMN line_count BIGINT;
ALTER TABLE commission_run ADD COLUMN line_total DECIMAL(19, 2);
UPDATE commission_run SET
  line_count = (SELECT COUNT(*) FROM commission_line l WHERE l.run_id = commission_run.id),
  line_total = (SELECT COALESCE(SUM(l.amount), 0) FROM commission_line l WHERE l.run_id = commission_run.id);
