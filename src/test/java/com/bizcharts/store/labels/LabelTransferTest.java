package com.bizcharts.store.labels;

import com.bizcharts.store.Database;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabelTransferTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    static Path fixture() throws Exception {
        return Path.of(LabelTransferTest.class.getResource("labels.jsonl").toURI());
    }

    @Test
    void jsonLinesRoundTripIsLossless(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("l.db"))) {
            LabelTransfer transfer = transfer(db);
            LabelTransfer.ImportResult r = transfer.importRows(LabelFiles.read(fixture()), "alice", NOW);
            assertThat(r.newPosts()).isEqualTo(4);
            assertThat(r.newLabels()).isEqualTo(4);
            assertThat(r.conflicts()).isEmpty();
            ThreadOp op = new ThreadRepository(db).find(61061591).orElseThrow();
            assertThat(op.source()).isEqualTo(ThreadOp.Source.IMPORT);
            assertThat(op.postedAt()).isEqualTo(Instant.parse("2025-10-08T05:57:59Z"));
            assertThat(op.file().ext()).isEqualTo(".jpg");

            Path out = dir.resolve("out.jsonl");
            LabelFiles.write(out, transfer.exportRows(null));
            ObjectMapper json = new ObjectMapper();
            List<JsonNode> original = Files.readAllLines(fixture()).stream().map(l -> read(json, l)).toList();
            List<JsonNode> exported = Files.readAllLines(out, StandardCharsets.UTF_8).stream().map(l -> read(json, l)).toList();
            assertThat(exported).isEqualTo(original);
        }
    }

    @Test
    void csvRoundTripKeepsNewlinesQuotesAndUnicode(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("l.db"))) {
            List<LabelFileRow> rows = LabelFiles.read(fixture());
            Path csv = dir.resolve("labels.csv");
            LabelFiles.write(csv, rows);
            assertThat(Files.readString(csv)).startsWith("thread_id,board,subject,text,posted_at,image_url,rating,label");
            assertThat(LabelFiles.read(csv)).isEqualTo(rows);
            transfer(db).importRows(LabelFiles.read(csv), "bob", NOW);
            assertThat(transfer(db).exportRows("bob")).isEqualTo(rows);
        }
    }

    @Test
    void reimportingChangesNothingAndConflictsAreReportedNotApplied(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("l.db"))) {
            LabelTransfer transfer = transfer(db);
            transfer.importRows(LabelFiles.read(fixture()), "alice", NOW);
            LabelTransfer.ImportResult again = transfer.importRows(LabelFiles.read(fixture()), "alice", NOW.plusSeconds(60));
            assertThat(again.newPosts()).isZero();
            assertThat(again.newLabels()).isZero();
            assertThat(again.unchanged()).isEqualTo(4);

            Path changed = dir.resolve("changed.jsonl");
            Files.writeString(changed, Files.readString(fixture()).replace("\"rating\": 3, \"label\": \"bullish\"}\n{\"thread_id\": 61062078",
                    "\"rating\": 1, \"label\": \"bearish\"}\n{\"thread_id\": 61062078"));
            LabelTransfer.ImportResult conflict = transfer.importRows(LabelFiles.read(changed), "alice", NOW);
            assertThat(conflict.conflicts()).singleElement().asString().contains("61061591").contains("stored rating 3 kept");
            assertThat(new LabelRepository(db).find(61061591, "alice").orElseThrow().rating()).isEqualTo(3);
        }
    }

    @Test
    void aBadLineRejectsTheWholeFileNamingTheLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, Files.readString(fixture()) + "{\"thread_id\": 5, \"posted_at\": \"2025-10-08 05:57:59\", \"rating\": 7}\n");
        assertThatThrownBy(() -> LabelFiles.read(bad)).hasMessage("bad.jsonl line 5: rating must be 1, 2 or 3, got 7");
        Files.writeString(bad, "{\"thread_id\": 5, \"posted_at\": \"yesterday\", \"rating\": 2}\n");
        assertThatThrownBy(() -> LabelFiles.read(bad)).hasMessageContaining("line 1: posted_at must look like");
        Files.writeString(bad, "{\"thread_id\": 5, \"posted_at\": \"2025-10-08 05:57:59\", \"rating\": 2, \"label\": \"bullish\"}\n");
        assertThatThrownBy(() -> LabelFiles.read(bad)).hasMessageContaining("contradicts");
        Files.writeString(bad, "{not json\n");
        assertThatThrownBy(() -> LabelFiles.read(bad)).hasMessageStartingWith("bad.jsonl line 1: not valid JSON: Unexpected character");
        try (Database db = Database.open(dir.resolve("l.db"))) {
            assertThat(new LabelRepository(db).count()).isZero();
        }
    }

    @Test
    void aThreadRatedTwiceIsOnePostAndIsReported(@TempDir Path dir) throws Exception {
        String line = "{\"thread_id\": 7, \"posted_at\": \"2025-10-08 05:57:59\", \"rating\": %d, \"text\": \"%s\"}\n";
        Path twice = dir.resolve("twice.jsonl");
        Files.writeString(twice, line.formatted(3, "first") + line.formatted(3, "again") + line.formatted(1, "other").replace("\": 7", "\": 8")
                + line.formatted(2, "other again").replace("\": 7", "\": 8"));
        try (Database db = Database.open(dir.resolve("l.db"))) {
            LabelTransfer.ImportResult r = transfer(db).importRows(LabelFiles.read(twice), "alice", NOW);
            assertThat(r.rows()).isEqualTo(4);
            assertThat(r.newPosts()).isEqualTo(2);
            assertThat(r.newLabels()).isEqualTo(2);
            assertThat(r.unchanged()).isZero();
            assertThat(r.repeated()).containsExactly("thread 7: rated 2 times in the file", "thread 8: rated 2 times in the file");
            assertThat(r.conflicts()).containsExactly("thread 8: the file rates it 1, 2; kept 1");
            assertThat(new LabelRepository(db).find(8, "alice").orElseThrow().rating()).isEqualTo(1);
            assertThat(new ThreadRepository(db).find(7).orElseThrow().opTextClean()).as("the first row is the post").isEqualTo("first");
        }
    }

    private static LabelTransfer transfer(Database db) {
        return new LabelTransfer(db, new ThreadRepository(db), new LabelRepository(db));
    }

    private static JsonNode read(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
