-- Posts a model could not score (an undecodable thumbnail, an ONNX error), with the reason, so the background
-- scoring service neither retries them on every pass nor loses them silently. A later success removes the row;
-- a changed post (its thumbnail arrived) is tried again.
CREATE TABLE score_failures (
    thread_id          INTEGER NOT NULL REFERENCES thread_ops (thread_id) ON DELETE CASCADE,
    model_id           VARCHAR(128) NOT NULL,
    reason             TEXT NOT NULL,
    failed_at          VARCHAR(32) NOT NULL,
    PRIMARY KEY (thread_id, model_id)
);
