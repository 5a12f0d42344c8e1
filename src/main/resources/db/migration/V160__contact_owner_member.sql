-- The today list's customer care finds which of the owner's contacts are members in one read:
-- without this index that read went through the owner's whole contact list (contact_owner_name).
CREATE INDEX contact_owner_member ON contact (owner_id, member_id);
