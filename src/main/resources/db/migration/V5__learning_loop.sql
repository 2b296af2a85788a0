-- The self-improving loop: teacher labels (kept apart from human labels), their failures, resumable autolabel
-- runs, pseudo-labels with provenance, the frozen golden set that guards promotions, and drift events.

CREATE TABLE teacher_labels (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    thread_id          INTEGER NOT NULL,
    provider           VARCHAR(32) NOT NULL,          -- openai | gemini | compatible
    model              VARCHAR(128) NOT NULL,
    prompt_version     VARCHAR(32) NOT NULL,
    rating             INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 3),
    confidence         REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    sarcasm            INTEGER NOT NULL DEFAULT 0,
    rationale          TEXT,
    image_sent         INTEGER NOT NULL DEFAULT 0,
    input_tokens       INTEGER NOT NULL DEFAULT 0,
    output_tokens      INTEGER NOT NULL DEFAULT 0,
    run_id             VARCHAR(64),
    labeled_at         VARCHAR(32) NOT NULL,
    UNIQUE (thread_id, provider, model, prompt_version)
);
CREATE INDEX idx_teacher_labels_thread ON teacher_labels (thread_id);

CREATE TABLE teacher_failures (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    thread_id          INTEGER NOT NULL,
    provider           VARCHAR(32) NOT NULL,
    model              VARCHAR(128) NOT NULL,
    prompt_version     VARCHAR(32) NOT NULL,
    kind               VARCHAR(32) NOT NULL,          -- malformed | refused | http | timeout
    detail             TEXT NOT NULL,                 -- never contains a key: messages are built from status and body
    attempts           INTEGER NOT NULL DEFAULT 1,
    run_id             VARCHAR(64),
    failed_at          VARCHAR(32) NOT NULL,
    UNIQUE (thread_id, provider, model, prompt_version)
);

CREATE TABLE autolabel_runs (
    run_id             VARCHAR(64) PRIMARY KEY,
    provider           VARCHAR(32) NOT NULL,
    model              VARCHAR(128) NOT NULL,
    prompt_version     VARCHAR(32) NOT NULL,
    started_at         VARCHAR(32) NOT NULL,
    checkpoint_at      VARCHAR(32),
    last_thread_id     INTEGER,                       -- posts are visited in thread_id order; resume after this one
    labeled            INTEGER NOT NULL DEFAULT 0,
    failed             INTEGER NOT NULL DEFAULT 0,
    input_tokens       INTEGER NOT NULL DEFAULT 0,
    output_tokens      INTEGER NOT NULL DEFAULT 0,
    finished_at        VARCHAR(32)
);

CREATE TABLE pseudo_labels (
    thread_id          INTEGER NOT NULL,
    model_id           VARCHAR(128) NOT NULL,
    rating             INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 3),
    confidence         REAL NOT NULL,
    threshold          REAL NOT NULL,
    created_at         VARCHAR(32) NOT NULL,
    PRIMARY KEY (thread_id, model_id)
);

-- Human-labeled posts frozen as the test set: never trained on, used to decide every promotion.
CREATE TABLE golden_set (
    thread_id          INTEGER PRIMARY KEY,
    added_at           VARCHAR(32) NOT NULL
);

CREATE TABLE drift_events (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    detected_at        VARCHAR(32) NOT NULL,
    kind               VARCHAR(16) NOT NULL CHECK (kind IN ('error-rate', 'vocabulary')),
    model_id           VARCHAR(128),
    detail_json        TEXT NOT NULL DEFAULT '{}',
    acknowledged       INTEGER NOT NULL DEFAULT 0
);
