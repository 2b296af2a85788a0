package com.bizcharts.cli;

import com.bizcharts.store.Database;
import com.bizcharts.store.Label;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.bizcharts.store.schema.Tables.COIN_MENTIONS;
import static org.assertj.core.api.Assertions.assertThat;

class IndexCommandTest {

    @Test
    void indexAsCsvAndJsonAndCoins(@TempDir Path dir) {
        Path db = dir.resolve("x.db");
        try (Database d = Database.open(db)) {
            List<ThreadOp> ops = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                ops.add(new ThreadOp(i + 1, "biz", null, null, "t", null, null, Instant.parse("2026-01-02T10:00:00Z").plusSeconds(i),
                        0, 0, null, null, false, false, ThreadOp.Source.LIVE));
            }
            new ThreadRepository(d).upsert(ops, Instant.parse("2026-01-02T12:00:00Z"));
            LabelRepository labels = new LabelRepository(d);
            for (int i = 0; i < 30; i++) labels.save(Label.rated(i + 1, i < 20 ? 3 : 1, "a", Instant.parse("2026-01-02T11:00:00Z"), null, null));
            d.writeVoid(ctx -> {
                for (int i = 0; i < 30; i++) {
                    ctx.insertInto(COIN_MENTIONS).set(COIN_MENTIONS.THREAD_ID, (long) i + 1).set(COIN_MENTIONS.COIN_SYMBOL, i % 2 == 0 ? "BTC" : "LINK")
                            .set(COIN_MENTIONS.CONFIDENCE, 0.9).set(COIN_MENTIONS.MENTION_SOURCE, "text").execute();
                }
            });
        }
        CliTest csv = CliTest.run("--db", db.toString(), "index", "--bucket", "day", "--from", "2026-01-01", "--to", "2026-01-03");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("bucket,posts,value");
        assertThat(lines.get(2)).startsWith("2026-01-02T00:00:00Z,30,").endsWith(",true");
        double value = Double.parseDouble(lines.get(2).split(",")[2]);
        assertThat(value).isGreaterThan(55);                              // 20 bullish vs 10 bearish: greed
        assertThat(lines.get(1)).contains(",0,50.00,").endsWith(",false"); // an empty day is flagged, not faked

        CliTest json = CliTest.run("--db", db.toString(), "index", "--from", "2026-01-02", "--to", "2026-01-02", "--format", "json");
        assertThat(json.out()).contains("\"points\":[{\"bucket\":\"2026-01-02T00:00:00Z\",\"posts\":30");

        CliTest coins = CliTest.run("--db", db.toString(), "coins", "--top", "5", "--to", "2026-01-02");
        assertThat(coins.out()).containsPattern("BTC\\s+15").containsPattern("LINK\\s+15");
        assertThat(CliTest.run("--db", db.toString(), "index", "--bucket", "week", "--from", "2026-01-01", "--to", "2026-01-02").err())
                .contains("--bucket must be hour or day");
    }
}
