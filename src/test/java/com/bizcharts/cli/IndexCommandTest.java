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
import static com.bizcharts.store.schema.Tables.PREDICTIONS;
import static org.assertj.core.api.Assertions.assertThat;

class IndexCommandTest {

    private static final int POSTS = 30, SCORED = 25;

    @Test
    void indexAsCsvAndJsonAndCoins(@TempDir Path dir) {
        Path db = dir.resolve("x.db");
        store(db);
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

    @Test
    void sayWhichPostsTheModelHasNotScoredAndWhereTheDataIs(@TempDir Path dir) {
        Path db = dir.resolve("x.db");
        store(db);
        try (Database d = Database.open(db)) {
            d.writeVoid(ctx -> {
                for (long id = 1; id <= SCORED; id++) {
                    ctx.insertInto(PREDICTIONS).set(PREDICTIONS.THREAD_ID, id).set(PREDICTIONS.MODEL_ID, "m")
                            .set(PREDICTIONS.LABEL, 2L).set(PREDICTIONS.SCORE, 0.0).set(PREDICTIONS.CONFIDENCE, 0.6)
                            .set(PREDICTIONS.P_BEARISH, 0.2).set(PREDICTIONS.P_NEUTRAL, 0.6).set(PREDICTIONS.P_BULLISH, 0.2)
                            .set(PREDICTIONS.IMAGE_STATUS, "missing").set(PREDICTIONS.SCORED_AT, "2026-01-02T12:00:00Z").execute();
                }
            });
        }
        CliTest partly = CliTest.run("--db", db.toString(), "index", "--from", "2026-01-01", "--to", "2026-01-03", "--model", "m");
        assertThat(partly.exitCode()).as(partly.err()).isZero();
        assertThat(partly.err()).contains((POSTS - SCORED) + " of " + POSTS + " posts in 2026-01-01..2026-01-03 are not yet scored by m");
        assertThat(partly.out()).startsWith("bucket,");  // the note stays off the CSV

        CliTest scored = CliTest.run("--db", db.toString(), "index", "--from", "2026-01-02", "--to", "2026-01-02", "--model", "other");
        assertThat(scored.err()).contains(POSTS + " of " + POSTS + " posts in 2026-01-02..2026-01-02 are not yet scored by other");

        CliTest empty = CliTest.run("--db", db.toString(), "index", "--from", "2026-09-06", "--to", "2026-12-04", "--model", "m");
        assertThat(empty.exitCode()).isZero();
        assertThat(empty.err()).contains("no posts 2026-09-06..2026-12-04; data spans 2026-01-02..2026-01-02");

        // No --to: the week up to the newest post, not up to today.
        CliTest coins = CliTest.run("--db", db.toString(), "coins", "--top", "5");
        assertThat(coins.out()).containsPattern("BTC\\s+15").containsPattern("LINK\\s+15");
        assertThat(coins.err()).contains("posts in 2025-12-27..2026-01-02 are not yet scored by");
        assertThat(CliTest.run("--db", db.toString(), "coins", "--to", "2026-03-01").err())
                .contains("no posts 2026-02-23..2026-03-01; data spans 2026-01-02..2026-01-02");

        Path none = dir.resolve("none.db");
        Database.open(none).close();  // an empty store (a missing one is an error: CommandsCreateNoDatabaseTest)
        assertThat(CliTest.run("--db", none.toString(), "coins").err()).contains("; the store holds no posts yet");
    }

    @Test
    void explainListsThePostsBehindABucketThoseThatMovedItMostFirst(@TempDir Path dir) {
        Path db = dir.resolve("x.db");
        try (Database d = Database.open(db)) {
            List<ThreadOp> ops = new ArrayList<>();
            String[] texts = {"wagmi, moon soon", "it's over, sold at the bottom", "what wallet do you use", "comfy, buying more"};
            for (int i = 0; i < texts.length; i++) {
                ops.add(new ThreadOp(i + 1, "biz", null, null, texts[i], null, null, Instant.parse("2026-01-02T10:00:00Z").plusSeconds(i),
                        0, 0, null, null, false, false, ThreadOp.Source.LIVE));
            }
            new ThreadRepository(d).upsert(ops, Instant.parse("2026-01-02T12:00:00Z"));
            double[][] p = {{0.05, 0.05, 0.90}, {0.60, 0.30, 0.10}, {0.20, 0.60, 0.20}};
            d.writeVoid(ctx -> {
                for (int i = 0; i < p.length; i++) {
                    ctx.insertInto(PREDICTIONS).set(PREDICTIONS.THREAD_ID, (long) i + 1).set(PREDICTIONS.MODEL_ID, "m")
                            .set(PREDICTIONS.LABEL, 2L).set(PREDICTIONS.SCORE, 0.0).set(PREDICTIONS.CONFIDENCE, 0.8)
                            .set(PREDICTIONS.P_BEARISH, p[i][0]).set(PREDICTIONS.P_NEUTRAL, p[i][1]).set(PREDICTIONS.P_BULLISH, p[i][2])
                            .set(PREDICTIONS.DRIVERS, i == 0 ? "[\"lexicon:+0.62 'wagmi'\"]" : "[]")
                            .set(PREDICTIONS.IMAGE_STATUS, "missing").set(PREDICTIONS.SCORED_AT, "2026-01-02T12:00:00Z").execute();
                }
            });
            // post 4 has no prediction: a human label given within the day counts in its place
            new LabelRepository(d).save(Label.rated(4, 3, "a", Instant.parse("2026-01-02T11:00:00Z"), null, null));
        }
        CliTest out = CliTest.run("--db", db.toString(), "index", "--explain", "2026-01-02", "--model", "m");
        assertThat(out.exitCode()).as(out.err()).isZero();
        List<String> rows = out.out().lines().skip(1).toList();
        assertThat(rows).hasSize(4);
        // weight x score: the label (1 x 1.0), then +0.85 x 0.8, -0.5 x 0.8, 0 last
        assertThat(rows).extracting(r -> r.split(",")[0]).containsExactly("4", "1", "2", "3");
        assertThat(rows.get(0)).contains(",label,labeled bullish,");
        assertThat(rows.get(1)).contains(",0.680,").endsWith(",model,bullish 90%,lexicon:+0.62 'wagmi',\"wagmi, moon soon\"");
        assertThat(rows.get(2)).contains(",-0.400,").endsWith(",\"it's over, sold at the bottom\"");

        CliTest json = CliTest.run("--db", db.toString(), "index", "--explain", "2026-01-02", "--model", "m", "--format", "json", "--limit", "1");
        assertThat(json.out()).contains("\"posts\":[{\"thread_id\":4,").doesNotContain("\"thread_id\":1");
        assertThat(CliTest.run("--db", db.toString(), "index", "--explain", "2026-13-01").err())
                .contains("--explain 2026-13-01: not a date, expected YYYY-MM-DD");
        assertThat(CliTest.run("--db", db.toString(), "index", "--explain", "2025-06-01", "--model", "m").err())
                .contains("no post counts in the day from 2025-06-01T00:00:00Z for m");
    }

    /** 30 posts on 2026-01-02, all labelled (20 bullish), each mentioning BTC or LINK. */
    private static void store(Path db) {
        try (Database d = Database.open(db)) {
            List<ThreadOp> ops = new ArrayList<>();
            for (int i = 0; i < POSTS; i++) {
                ops.add(new ThreadOp(i + 1, "biz", null, null, "t", null, null, Instant.parse("2026-01-02T10:00:00Z").plusSeconds(i),
                        0, 0, null, null, false, false, ThreadOp.Source.LIVE));
            }
            new ThreadRepository(d).upsert(ops, Instant.parse("2026-01-02T12:00:00Z"));
            LabelRepository labels = new LabelRepository(d);
            for (int i = 0; i < POSTS; i++) labels.save(Label.rated(i + 1, i < 20 ? 3 : 1, "a", Instant.parse("2026-01-02T11:00:00Z"), null, null));
            d.writeVoid(ctx -> {
                for (int i = 0; i < POSTS; i++) {
                    ctx.insertInto(COIN_MENTIONS).set(COIN_MENTIONS.THREAD_ID, (long) i + 1).set(COIN_MENTIONS.COIN_SYMBOL, i % 2 == 0 ? "BTC" : "LINK")
                            .set(COIN_MENTIONS.CONFIDENCE, 0.9).set(COIN_MENTIONS.MENTION_SOURCE, "text").execute();
                }
            });
        }
    }
}
