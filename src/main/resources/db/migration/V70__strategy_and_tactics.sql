-- Strategy and tactics (docs/strategy.md). The campaign table is the one list of tactic codes: a
-- campaign is a tactic, so it gains the tactic's columns here instead of a second table (ADR 15).
ALTER TABLE campaign ADD COLUMN type VARCHAR(32);
ALTER TABLE campaign ADD COLUMN start_date DATE;
ALTER TABLE campaign ADD COLUMN end_date DATE;
ALTER TABLE campaign ADD COLUMN cost DECIMAL(19, 2) DEFAULT 0 NOT NULL;
ALTER TABLE campaign ADD COLUMN owner VARCHAR(200);

-- The kinds of tactic; the company adds its own. Educational types count for the reach measure.
CREATE TABLE tactic_type (
  code        VARCHAR(32)  PRIMARY KEY,
  name        VARCHAR(200) NOT NULL,
  educational BOOLEAN      DEFAULT FALSE NOT NULL
);
INSERT INTO tactic_type (code, name, educational) VALUES
  ('print-ad', 'Print advertisement', FALSE),
  ('direct-mail', 'Direct-mail piece', FALSE),
  ('web', 'Web site', FALSE),
  ('email', 'Email', FALSE),
  ('social', 'Social post', FALSE),
  ('video', 'Video', TRUE),
  ('article', 'Article', TRUE),
  ('talk', 'Talk to a local group', TRUE),
  ('webinar', 'Webinar', TRUE),
  ('phone', 'Phone answering and follow-up', FALSE),
  ('sales-meeting', 'Sales meeting', FALSE),
  ('event', 'Event', FALSE),
  ('discount', 'Discount or sale', FALSE),
  ('referral', 'Referral programme', FALSE);

-- One strategy statement per company (a single row).
CREATE TABLE strategy (
  id         INTEGER       PRIMARY KEY CHECK (id = 1),
  statement  VARCHAR(4000) NOT NULL
);

-- A strategic objective: a built-in measure (or 'manual'), its parameter (days, for repeat-rate),
-- a target in the measure's unit and the date it should be reached by.
CREATE TABLE objective (
  code        VARCHAR(64)    PRIMARY KEY,
  name        VARCHAR(200)   NOT NULL,
  measure     VARCHAR(32)    NOT NULL,
  days        INTEGER,
  target      DECIMAL(19, 2) NOT NULL,
  target_date DATE           NOT NULL
);

-- Values of a hand-entered measure (e.g. a survey score), by date.
CREATE TABLE objective_value (
  objective_code VARCHAR(64)    NOT NULL REFERENCES objective (code),
  value_date     DATE           NOT NULL,
  measured       DECIMAL(19, 2) NOT NULL,
  PRIMARY KEY (objective_code, value_date)
);

CREATE TABLE tactic_objective (
  tactic_code    VARCHAR(64) NOT NULL REFERENCES campaign (code),
  objective_code VARCHAR(64) NOT NULL REFERENCES objective (code),
  PRIMARY KEY (tactic_code, objective_code)
);

-- The customer problem library: problems, the products that solve them, the tactics that teach
-- about them, and the customers and prospects who have them.
CREATE TABLE problem (
  code        VARCHAR(64)   PRIMARY KEY,
  name        VARCHAR(200)  NOT NULL,
  description VARCHAR(2000)
);

CREATE TABLE problem_product (
  problem_code VARCHAR(64) NOT NULL REFERENCES problem (code),
  sku          VARCHAR(64) NOT NULL REFERENCES product (sku),
  PRIMARY KEY (problem_code, sku)
);

CREATE TABLE tactic_problem (
  tactic_code  VARCHAR(64) NOT NULL REFERENCES campaign (code),
  problem_code VARCHAR(64) NOT NULL REFERENCES problem (code),
  PRIMARY KEY (tactic_code, problem_code)
);

CREATE TABLE member_problem (
  member_id    VARCHAR(64) NOT NULL REFERENCES member (id),
  problem_code VARCHAR(64) NOT NULL REFERENCES problem (code),
  PRIMARY KEY (member_id, problem_code)
);
CREATE INDEX member_problem_problem ON member_problem (problem_code);
