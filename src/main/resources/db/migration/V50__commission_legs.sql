-- The placement tree's legs of a binary plan's run: per distributor and side, the figures of
-- legs.csv. The carry out of a closed run is the next period's carry in.
CREATE TABLE commission_leg (
  run_id      BIGINT         NOT NULL REFERENCES commission_run (id),
  member_id   VARCHAR(64)    NOT NULL,
  side        VARCHAR(5)     NOT NULL,
  carry_in    DECIMAL(19, 2) NOT NULL,
  new_cv      DECIMAL(19, 2) NOT NULL,
  returned_cv DECIMAL(19, 2) NOT NULL,
  volume      DECIMAL(19, 2) NOT NULL,
  paired      DECIMAL(19, 2) NOT NULL,
  carry_out   DECIMAL(19, 2) NOT NULL,
  PRIMARY KEY (run_id, member_id, side),
  CHECK (side IN ('left', 'right'))
);
