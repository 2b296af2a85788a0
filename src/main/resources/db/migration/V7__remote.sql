-- Remote training runs (SSH box or RunPod pod): enough to reattach after the workstation restarts, to stop the
-- pod we started, and to show what a run cost and produced. Secrets (passphrases, API keys) are never stored.
CREATE TABLE remote_runs (
    run_id             VARCHAR(64) PRIMARY KEY,
    host               VARCHAR(255) NOT NULL,
    port               INTEGER NOT NULL,
    user_name          VARCHAR(64) NOT NULL,
    key_path           TEXT,
    known_hosts_path   TEXT,
    remote_dir         TEXT NOT NULL,                 -- the workspace folder holding scripts/, data/, runs/
    pod_id             VARCHAR(64),                   -- set when we launched the machine on RunPod
    cost_per_hour      REAL,
    status             VARCHAR(16) NOT NULL
                       CHECK (status IN ('launching', 'pushing', 'running', 'succeeded', 'failed', 'cancelled', 'pulled')),
    started_at         VARCHAR(32) NOT NULL,
    finished_at        VARCHAR(32),
    step               INTEGER NOT NULL DEFAULT 0,
    total_steps        INTEGER NOT NULL DEFAULT 0,
    loss               REAL,
    dataset_json       TEXT NOT NULL DEFAULT '{}',    -- counts by provenance and file hashes (lineage)
    metrics_json       TEXT,
    local_dir          TEXT,                          -- where the pulled outputs are
    message            TEXT
);
CREATE INDEX idx_remote_runs_status ON remote_runs (status);
