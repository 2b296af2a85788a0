-- The NSFW reading of a post's thumbnail (MobileNetV2 of nsfwjs: P(hentai) + P(porn) + P(sexy)), read once; the label
-- view blurs flagged thumbnails, and the index may leave flagged posts out ([images] exclude_flagged_from_index).
CREATE TABLE image_flags (
    thread_id          INTEGER PRIMARY KEY REFERENCES thread_ops (thread_id) ON DELETE CASCADE,
    nsfw               REAL NOT NULL,
    flagged            INTEGER NOT NULL,
    read_at            VARCHAR(32) NOT NULL
);
