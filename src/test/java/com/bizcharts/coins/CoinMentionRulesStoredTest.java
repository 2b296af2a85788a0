package com.bizcharts.coins;

import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static com.bizcharts.store.schema.Tables.COIN_MENTIONS;
import static org.assertj.core.api.Assertions.assertThat;

/** Each stored mention keeps the rule that found it (V13); rows from before the rule was stored read as unknown. */
class CoinMentionRulesStoredTest {

    private static ThreadOp op(long id, String subject, String text) {
        return new ThreadOp(id, "biz", subject, null, text, null, null, Instant.EPOCH, 0, 0, null, null, false, false,
                ThreadOp.Source.LIVE);
    }

    @Test
    void ruleAndConfidenceRoundTripAndOlderRowsReadAsUnknown(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("r.db"))) {
            CoinMentionRepository repo = new CoinMentionRepository(new CoinExtractor(CoinList.load(null)));
            List<ThreadOp> ops = List.of(op(1, "$LINK", "paid $53 for ONE chainlink token, LINK at $12 is a gift"),
                    op(2, null, "some retard paid 126 thousand dollars for ONE Bitcoin"));
            db.writeVoid(ctx -> {
                new ThreadRepository(db).upsert(ctx, ops, Instant.EPOCH);
                repo.record(ctx, ops);
                repo.add(ctx, 2, List.of(new CoinMention("BTC", CoinMention.IMAGE_OCR, MentionRule.TICKER)));
                // as a store written before V13 holds it
                ctx.insertInto(COIN_MENTIONS, COIN_MENTIONS.THREAD_ID, COIN_MENTIONS.COIN_SYMBOL, COIN_MENTIONS.CONFIDENCE,
                        COIN_MENTIONS.MENTION_SOURCE).values(2L, "ONE", 0.55, "image_ocr").execute();
            });
            assertThat(repo.ofThread(db.read(), 1)).containsExactly(
                    new CoinMention("LINK", "subject", MentionRule.CASHTAG),
                    new CoinMention("LINK", "text", MentionRule.NAME));
            assertThat(repo.ofThread(db.read(), 2)).containsExactly(
                    new CoinMention("BTC", "text", MentionRule.NAME),
                    new CoinMention("BTC", "image_ocr", MentionRule.TICKER),
                    new CoinMention("ONE", 0.55, "image_ocr", MentionRule.UNKNOWN));
        }
    }

    @Test
    void ruleIdsAreStableLowerCaseNames() {
        assertThat(MentionRule.WORD_NUMBER.id()).isEqualTo("word_number");
        for (MentionRule r : MentionRule.values()) {
            assertThat(MentionRule.ofId(r.id())).isEqualTo(r);
            assertThat(r.id().length()).as(r.id()).isLessThanOrEqualTo(16); // VARCHAR(16) in V13
        }
        assertThat(MentionRule.ofId("from_the_future")).isEqualTo(MentionRule.UNKNOWN);
        assertThat(MentionRule.ofId(null)).isEqualTo(MentionRule.UNKNOWN);
    }
}
