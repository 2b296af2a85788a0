-- Core schema: what the collectors store and what labelers write.
-- Times are ISO-8601 UTC text ('2025-10-08T05:57:59Z') so they sort and compare as text.
-- Text columns that take part in keys are VARCHAR: same storage in SQLite, and jOOQ's DDL parser needs it.

CREATE TABLE thread_ops (
    thread_id          INTEGER PRIMARY KEY,
    board              VARCHAR(16) NOT NULL DEFAULT 'biz',
    subject            TEXT,
    op_html            TEXT,              -- raw comment HTML; stripped by retention after 30 days
    op_text_clean      TEXT NOT NULL DEFAULT '',
    name               TEXT,
    tripcode           TEXT,
    posted_at          VARCHAR(32) NOT NULL,
    reply_count        INTEGER NOT NULL DEFAULT 0,
    image_count        INTEGER NOT NULL DEFAULT 0,
    file_name          TEXT,
    file_ext           VARCHAR(16),
    file_size          INTEGER,
    image_width        INTEGER,
    image_height       INTEGER,
    thumb_width        INTEGER,
    thumb_height       INTEGER,
    file_md5           VARCHAR(32),
    file_deleted       INTEGER NOT NULL DEFAULT 0,
    image_url          TEXT,
    thumbnail_url      TEXT,
    thumbnail_path     TEXT,              -- relative to the images folder; NULL until downloaded
    sticky             INTEGER NOT NULL DEFAULT 0,
    closed             INTEGER NOT NULL DEFAULT 0,
    source             VARCHAR(16) NOT NULL CHECK (source IN ('live', 'warosu', 'import')),
    first_seen_at      VARCHAR(32) NOT NULL,
    last_seen_at       VARCHAR(32) NOT NULL
);
CREATE INDEX idx_thread_ops_posted_at ON thread_ops (posted_at);
CREATE INDEX idx_thread_ops_source_posted ON thread_ops (source, posted_at);

CREATE TABLE thread_observations (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    thread_id          INTEGER NOT NULL REFERENCES thread_ops (thread_id) ON DELETE CASCADE,
    observed_at        VARCHAR(32) NOT NULL,
    reply_count        INTEGER NOT NULL,
    image_count        INTEGER NOT NULL,
    page               INTEGER
);
CREATE INDEX idx_observations_thread_time ON thread_observations (thread_id, observed_at);

CREATE TABLE catalog_snapshots (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    snapshot_at        VARCHAR(32) NOT NULL,
    board              VARCHAR(16) NOT NULL DEFAULT 'biz',
    total_threads      INTEGER NOT NULL,
    avg_reply_count    REAL NOT NULL,
    top_coins          TEXT NOT NULL DEFAULT '[]',   -- JSON array of {symbol, mentions}
    granularity        VARCHAR(8) NOT NULL DEFAULT 'full' CHECK (granularity IN ('full', 'hourly', 'daily'))
);
CREATE INDEX idx_snapshots_time ON catalog_snapshots (snapshot_at);

CREATE TABLE coin_mentions (
    thread_id          INTEGER NOT NULL REFERENCES thread_ops (thread_id) ON DELETE CASCADE,
    coin_symbol        VARCHAR(16) NOT NULL,
    confidence         REAL NOT NULL,
    mention_source     VARCHAR(16) NOT NULL CHECK (mention_source IN ('subject', 'text', 'image_ocr')),
    PRIMARY KEY (thread_id, coin_symbol, mention_source)
);
CREATE INDEX idx_coin_mentions_symbol ON coin_mentions (coin_symbol);

-- Labels are never deleted by retention; the snapshots keep what the labeler saw even if the post changes.
-- No foreign key cascade: a label must survive its thread's deletion.
CREATE TABLE training_labels (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    thread_id          INTEGER NOT NULL,
    rating             INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 3),
    skipped            INTEGER NOT NULL DEFAULT 0,
    labeler_id         VARCHAR(64) NOT NULL DEFAULT 'default',
    labeled_at         VARCHAR(32) NOT NULL,
    notes              TEXT,
    text_snapshot      TEXT,
    image_url_snapshot TEXT,
    CHECK ((skipped = 1 AND rating IS NULL) OR (skipped = 0 AND rating IS NOT NULL)),
    UNIQUE (thread_id, labeler_id)
);
CREATE INDEX idx_labels_labeled_at ON training_labels (labeled_at);

CREATE TABLE import_runs (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    collector          VARCHAR(16) NOT NULL CHECK (collector IN ('live', 'warosu', 'import')),
    started_at         VARCHAR(32) NOT NULL,
    finished_at        VARCHAR(32),
    status             VARCHAR(16) NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'cancelled')),
    parameters         TEXT NOT NULL DEFAULT '{}',    -- JSON of the request (search, dates, pages...)
    threads_new        INTEGER NOT NULL DEFAULT 0,
    threads_updated    INTEGER NOT NULL DEFAULT 0,
    pages_done         INTEGER NOT NULL DEFAULT 0,
    requests           INTEGER NOT NULL DEFAULT 0,
    errors             INTEGER NOT NULL DEFAULT 0,
    oldest_post_at     VARCHAR(32),
    newest_post_at     VARCHAR(32),
    resume_cursor      TEXT,                          -- where to pick up after a crash (e.g. next offset)
    message            TEXT
);
