-- Model registry and predictions. Predictions are kept per model id, so activating another model never
-- overwrites what an earlier one said.

CREATE TABLE models (
    model_id           VARCHAR(128) PRIMARY KEY,
    kind               VARCHAR(32) NOT NULL,          -- embedded | onnx-text | onnx-image | vlm-adapter | student
    path               TEXT NOT NULL,                 -- the model directory
    created_at         VARCHAR(32) NOT NULL,
    training_size      INTEGER,
    accuracy           REAL,
    macro_f1           REAL,
    metrics_json       TEXT NOT NULL DEFAULT '{}',
    lineage_json       TEXT NOT NULL DEFAULT '{}',    -- which data went in (label counts by provenance, hashes)
    active             INTEGER NOT NULL DEFAULT 0,
    activated_at       VARCHAR(32)
);

CREATE TABLE predictions (
    thread_id          INTEGER NOT NULL REFERENCES thread_ops (thread_id) ON DELETE CASCADE,
    model_id           VARCHAR(128) NOT NULL,
    label              INTEGER NOT NULL CHECK (label BETWEEN 1 AND 3),
    score              REAL NOT NULL,
    confidence         REAL NOT NULL,
    p_bearish          REAL NOT NULL,
    p_neutral          REAL NOT NULL,
    p_bullish          REAL NOT NULL,
    sarcasm            REAL NOT NULL DEFAULT 0,
    literal_label      INTEGER,
    image_status       VARCHAR(16) NOT NULL CHECK (image_status IN ('used', 'missing', 'unsupported', 'undecodable')),
    drivers            TEXT NOT NULL DEFAULT '[]',    -- JSON array of strings
    scored_at          VARCHAR(32) NOT NULL,
    PRIMARY KEY (thread_id, model_id)
);
CREATE INDEX idx_predictions_model ON predictions (model_id);
