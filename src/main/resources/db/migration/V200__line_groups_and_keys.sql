-- A top earner's pay page read every one of the earner's lines on each view: the groups by bonus
-- and level, the page count, and the OFFSET of a deep page (ADR 23, amended). A run now stores:
--
-- 1. Its groups: how many lines and their sum per earner, bonus and level, worked out in Java from
--    the lines in memory when the run is stored, read by key on the page.
CREATE TABLE commission_line_group (
  run_id     BIGINT         NOT NULL REFERENCES commission_run (id),
  earner_id  VARCHAR(64)    NOT NULL,
  bonus      VARCHAR(100)   NOT NULL,
  level      INTEGER        NOT NULL,
  line_count BIGINT         NOT NULL,
  amount     DECIMAL(19, 2) NOT NULL,
  PRIMARY KEY (run_id, earner_id, bonus, level)
);
-- Runs stored before: their groups summed once here.
INSERT INTO commission_line_group (run_id, earner_id, bonus, level, line_count, amount)
  SELECT run_id, earner_id, bonus, level, COUNT(*), SUM(amount) FROM commission_line GROUP BY run_id, earner_id, bonus, level;

-- 2. Each line's place in its earner's statement (seq, from 0) and in its (bonus, level) group
--    (group_seq, from 0), so that page n of the lines is a key range of the index, whatever n.
--    Runs stored before keep NULL keys (lines_keyed FALSE) and are paged by OFFSET as before.
ALTER TABLE commission_line ADD COLUMN seq INTEGER;
ALTER TABLE commission_line ADD COLUMN group_seq INTEGER;
ALTER TABLE commission_run ADD COLUMN lines_keyed BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX commission_line_seq ON commission_line (run_id, earner_id, seq);
CREATE INDEX commission_line_group_seq ON commission_line (run_id, earner_id, bonus, level, group_seq);
