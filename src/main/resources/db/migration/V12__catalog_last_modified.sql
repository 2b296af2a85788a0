-- The live catalog's Last-Modified per board, sent back as If-Modified-Since. Kept here rather than in memory, so
-- `live --once` run from cron asks conditionally too instead of downloading the whole catalog every time. Written in
-- the transaction that stores the catalog it describes, so it never runs ahead of what the store holds.
CREATE TABLE catalog_validators (
    board              VARCHAR(16) PRIMARY KEY,
    last_modified      VARCHAR(64) NOT NULL,     -- the server's header, verbatim
    stored_at          VARCHAR(32) NOT NULL
);
