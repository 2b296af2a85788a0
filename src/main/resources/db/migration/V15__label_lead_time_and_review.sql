-- How long the post was on screen before the labeler decided (Label Studio's lead_time), in milliseconds; null for
-- labels that came from a file or from before this column.
ALTER TABLE training_labels ADD COLUMN lead_time_ms INTEGER;
-- A reviewer's decision on a post labelers disagreed on, stored under 'review:<reviewer>' beside the originals
-- (which stay); training takes it over the originals.
ALTER TABLE training_labels ADD COLUMN adjudicated INTEGER NOT NULL DEFAULT 0;
