package com.bizcharts.coins;

import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CoinMentionRepositoryTest {

    private static ThreadOp op(long id, String subject, String text) {
        return new ThreadOp(id, "biz", subject, null, text, null, null, Instant.EPOCH, 0, 0, null, null, false, false,
                ThreadOp.Source.LIVE);
    }

    @Test
    void recordsMentionsAndSummarisesTopCoinsReplacingEarlierOnes(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("c.db"))) {
            CoinMentionRepository repo = new CoinMentionRepository(new CoinExtractor(CoinList.load(null)));
            ThreadRepository threads = new ThreadRepository(db);
            List<ThreadOp> ops = List.of(op(1, "$BTC thread", "bitcoin to 200k"), op(2, null, "eth and btc"),
                    op(3, "link in bio", "nothing here"));
            String top = db.write(ctx -> {
                threads.upsert(ctx, ops, Instant.EPOCH);
                return repo.recordAndSummarise(ctx, ops);
            });
            assertThat(top).isEqualTo("[{\"symbol\":\"BTC\",\"mentions\":2},{\"symbol\":\"ETH\",\"mentions\":1}]");
            assertThat(repo.ofThread(db.read(), 1)).extracting(CoinMention::source).containsExactly("subject", "text");
            assertThat(repo.ofThread(db.read(), 3)).isEmpty();

            List<ThreadOp> edited = List.of(op(2, null, "only monero now"));
            db.writeVoid(ctx -> repo.record(ctx, edited));
            assertThat(repo.ofThread(db.read(), 2)).extracting(CoinMention::symbol).containsExactly("XMR");
        }
    }
}
