-- The pipeline reads every win tag of one owner. Joined to prospect by prospect_id, PostgreSQL
-- chose a scan of every tag when its cost came close to the index plan (1.36 M tags at 2 M
-- contacts, 300-600 ms, docs/benchmarks.md "## Prospects"): the owner on the tag and an index that
-- starts with it make the read one index range, whatever the statistics say.
ALTER TABLE prospect_win_tag ADD COLUMN owner_id VARCHAR(64);
UPDATE prospect_win_tag SET owner_id = (SELECT p.owner_id FROM prospect p WHERE p.id = prospect_win_tag.prospect_id);
ALTER TABLE prospect_win_tag ALTER COLUMN owner_id SET NOT NULL;
CREATE INDEX prospect_win_tag_owner ON prospect_win_tag (owner_id, prospect_id, tag);
