package com.bizcharts.cli;

import com.bizcharts.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.bizcharts.store.schema.Tables.COIN_MENTIONS;
import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static com.bizcharts.store.schema.Tables.TRAINING_LABELS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A labels file of 100,000 rows goes in as one transaction, coin mentions and all: the statements behind it are split
 * by size (a single multi-row insert of the mentions was SQLITE_TOOBIG from about 10,000 rows on). The rate is
 * measured apart (docs/store.md), not asserted here.
 */
class LargeLabelImportTest {

    @Test
    void aHundredThousandRowsImportWithTheirCoinMentions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 100_000; i++) {
                w.write("{\"thread_id\": " + (50_000_000 + i) + ", \"board\": \"biz\", \"subject\": \"\", \"text\": \"gm $LINK " + i
                        + "\", \"posted_at\": \"2025-10-08 05:57:59\", \"image_url\": null, \"rating\": " + (i % 3 + 1) + "}\n");
            }
        }
        Path db = dir.resolve("big.db");
        CliTest r = CliTest.run("--db", db.toString(), "labels", "import", file.toString(), "--labeler", "bulk");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("imported 100000 rows as labeler 'bulk': 100000 new posts, 100000 new labels, 0 already present");
        try (Database d = Database.open(db)) {
            assertThat(d.read().fetchCount(THREAD_OPS)).isEqualTo(100_000);
            assertThat(d.read().fetchCount(TRAINING_LABELS)).isEqualTo(100_000);
            assertThat(d.read().fetchCount(COIN_MENTIONS.where(COIN_MENTIONS.COIN_SYMBOL.eq("LINK")))).isEqualTo(100_000);
        }
    }
}
