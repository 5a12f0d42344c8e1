-- The language a login chose in the web app (a BCP 47 tag: en, ro, pl); NULL until they choose,
-- when the member's own locale (member_profile.locale), then the browser's, decides.
ALTER TABLE users ADD COLUMN locale VARCHAR(20);
