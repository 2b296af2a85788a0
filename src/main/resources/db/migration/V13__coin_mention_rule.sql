-- Which rule found a coin mention (coins.MentionRule: cashtag, name, ticker, pair, word_number, ...), kept beside its
-- confidence so a doubtful mention can be traced and filtered. Rows written before this are 'unknown' until their
-- thread is extracted again.
ALTER TABLE coin_mentions ADD COLUMN mention_rule VARCHAR(16) NOT NULL DEFAULT 'unknown';
