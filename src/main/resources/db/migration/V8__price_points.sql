-- Coin prices, cached so a sync never asks a provider twice for a bar it already gave, and the analysis and the
-- dashboard run offline. One row per closed bar and provider: a bar that is still forming is never stored, so a
-- stored row never changes and a re-sync inserts nothing twice. ts is the bar's open time (ISO-8601 UTC, like every
-- time in this store); close is the price at the bar's end (for snapshot providers: the last snapshot at or before it).
CREATE TABLE price_points (
    coin               VARCHAR(16) NOT NULL,          -- our symbol, as in config/coins.toml
    provider           VARCHAR(16) NOT NULL CHECK (provider IN ('coingecko', 'binance', 'coinmarketcap')),
    interval           VARCHAR(4) NOT NULL CHECK (interval IN ('1h', '1d')),
    ts                 VARCHAR(32) NOT NULL,
    open               REAL,
    high               REAL,
    low                REAL,
    close              REAL NOT NULL,
    volume             REAL,                          -- the bar's own volume where the provider gives it (Binance)
    fetched_at         VARCHAR(32) NOT NULL,
    PRIMARY KEY (coin, interval, ts, provider)
);

-- Calls (CoinMarketCap: credits) spent per provider and calendar month (UTC), so the free tiers' monthly limits
-- hold across runs of the command line and the workstation.
CREATE TABLE price_fetches (
    provider           VARCHAR(16) NOT NULL,
    month              VARCHAR(7) NOT NULL,           -- '2026-12'
    calls              INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (provider, month)
);
