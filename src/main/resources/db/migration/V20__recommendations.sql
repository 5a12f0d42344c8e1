-- Next steps as issued: one row per member, segment and issue date. Held-out members are recorded
-- too (holdout = TRUE) so that conversion can be compared against them; they are never shown.
CREATE TABLE recommendation (
  member_id   VARCHAR(64)  NOT NULL REFERENCES member (id),
  segment     VARCHAR(64)  NOT NULL,
  step        VARCHAR(64)  NOT NULL,
  goals       VARCHAR(200) NOT NULL, -- comma-separated goal codes, e.g. 'referral,enrolment'
  issued_date DATE         NOT NULL,
  holdout     BOOLEAN      NOT NULL,
  baseline    INTEGER      NOT NULL DEFAULT 0,
  PRIMARY KEY (member_id, segment, issued_date)
);
CREATE INDEX recommendation_issued ON recommendation (issued_date, segment);
