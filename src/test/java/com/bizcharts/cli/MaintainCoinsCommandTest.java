package com.bizcharts.cli;

import com.bizcharts.coins.CoinExtractor;
import com.bizcharts.coins.CoinList;
import com.bizcharts.coins.CoinMention;
import com.bizcharts.coins.CoinMentionRepository;
import com.bizcharts.coins.MentionRule;
import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.bizcharts.store.schema.Tables.COIN_MENTIONS;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code maintain --reextract-coins}: a store filled under the old rules gets the current ones. */
class MaintainCoinsCommandTest {

    @Test
    void reextractionReplacesMentionsStoredUnderOlderRulesAndKeepsOcrOnes(@TempDir Path dir) {
        Path db = dir.resolve("m.db");
        // recent enough that the retention run after it keeps the threads
        Instant posted = Instant.now().minus(Duration.ofDays(1));
        List<ThreadOp> ops = List.of(
                new ThreadOp(1, "biz", null, null, "Some retard actually paid 126 thousand dollars for ONE Bitcoin", null,
                        null, posted, 0, 0, null, null, false, false, ThreadOp.Source.WAROSU),
                new ThreadOp(2, "biz", null, null, "Day 151 of snailposting every day until LINK is at $100", null, null,
                        posted, 0, 0, null, null, false, false, ThreadOp.Source.WAROSU));
        try (Database d = Database.open(db)) {
            d.writeVoid(ctx -> {
                new ThreadRepository(d).upsert(ctx, ops, posted);
                // what the extractor before issue 15 stored: ONE as a coin, LINK not; no rule
                ctx.insertInto(COIN_MENTIONS, COIN_MENTIONS.THREAD_ID, COIN_MENTIONS.COIN_SYMBOL, COIN_MENTIONS.CONFIDENCE,
                        COIN_MENTIONS.MENTION_SOURCE).values(1L, "BTC", 0.9, "text").values(1L, "ONE", 0.55, "text")
                        .values(2L, "DOGE", 0.9, "image_ocr").execute();
            });
        }
        CliTest dry = CliTest.run("--db", db.toString(), "maintain", "--reextract-coins", "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("would extract the coin mentions of 2 threads again");

        CliTest run = CliTest.run("--db", db.toString(), "maintain", "--reextract-coins");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("extracted the coin mentions of 2 threads again: 2 mentions");
        try (Database d = Database.open(db)) {
            CoinMentionRepository repo = new CoinMentionRepository(new CoinExtractor(CoinList.load(null)));
            assertThat(repo.ofThread(d.read(), 1)).containsExactly(new CoinMention("BTC", "text", MentionRule.NAME));
            assertThat(repo.ofThread(d.read(), 2)).containsExactly(
                    new CoinMention("DOGE", 0.9, "image_ocr", MentionRule.UNKNOWN),
                    new CoinMention("LINK", "text", MentionRule.WORD_NUMBER));
        }
    }
}
