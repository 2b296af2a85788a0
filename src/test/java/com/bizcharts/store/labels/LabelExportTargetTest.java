package com.bizcharts.store.labels;

import com.bizcharts.cli.CliTest;
import com.bizcharts.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An export never replaces a database, and never leaves half a file or a temporary one behind. */
class LabelExportTargetTest {

    @TempDir Path dir;

    private static final List<LabelFileRow> ROWS = List.of(
            new LabelFileRow(5, "biz", "", "gm", "2025-10-08 05:57:59", null, 3, "bullish"));

    @Test
    void exportingOntoTheDatabaseItselfIsRefusedAndTheDatabaseKept() throws Exception {
        Path fixture = Path.of(getClass().getResource("labels.jsonl").toURI());
        Path db = dir.resolve("self.db");
        assertThat(CliTest.run("--db", db.toString(), "labels", "import", fixture.toString()).exitCode()).isZero();

        CliTest r = CliTest.run("--db", db.toString(), "labels", "export", db.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: refusing to write over " + db + ": it is a SQLite database");
        assertThat(CliTest.run("--db", db.toString(), "labels", "stats").out()).contains("4 rated");
    }

    @Test
    void anySqliteFileOrItsWalIsRefused() throws Exception {
        Path other = dir.resolve("other.jsonl");  // a database, whatever its name says
        try (Database db = Database.open(other)) {
            db.read().fetchValue("SELECT 1");
            assertThatThrownBy(() -> LabelFiles.write(other, ROWS)).hasMessageContaining("it is a SQLite database");
            assertThatThrownBy(() -> LabelFiles.write(dir.resolve("other.jsonl-shm"), ROWS)).hasMessageContaining("it is a SQLite database");
        }
        assertThat(Files.readAllBytes(other)).startsWith("SQLite format 3\0".getBytes());
    }

    @Test
    void aFailedExportLeavesTheTargetAsItWasAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("labels.jsonl");
        Files.writeString(target, "previous export\n");
        // the second row cannot be produced: the export stops half-way, as on a full disk
        List<LabelFileRow> failing = new java.util.AbstractList<>() {
            @Override public LabelFileRow get(int i) {
                if (i == 1) throw new IllegalStateException("no space left on device");
                return ROWS.getFirst();
            }
            @Override public int size() { return 2; }
        };
        assertThatThrownBy(() -> LabelFiles.write(target, failing)).hasMessage("no space left on device");
        assertThat(Files.readString(target)).isEqualTo("previous export\n");
        Files.createDirectories(dir.resolve("folder.jsonl"));
        assertThatThrownBy(() -> LabelFiles.write(dir.resolve("folder.jsonl"), ROWS)).hasMessageContaining("it is a folder");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("labels.jsonl", "folder.jsonl");
        }
        LabelFiles.write(target, ROWS);
        assertThat(Files.readString(target)).startsWith("{\"thread_id\":5,");
    }
}
