package com.bizcharts.store.labels;

import com.bizcharts.cli.CliTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a labels file says is what is imported, or the import stops naming the file and the line. */
class LabelFileStrictnessTest {

    private static final String LINE = "{\"thread_id\": 5, \"board\": \"biz\", \"subject\": \"\", \"text\": \"btc\","
            + " \"posted_at\": \"2025-10-08 05:57:59\", \"image_url\": null, \"rating\": 3, \"label\": \"bullish\"}";
    private static final String OTHER = LINE.replace("\"thread_id\": 5", "\"thread_id\": 6");

    @TempDir Path dir;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Path file(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void twoObjectsOnOneLineAreAnErrorNotTheFirstAlone() throws Exception {
        Path f = file("two.jsonl", OTHER + "\n" + LINE + OTHER + "\n");
        assertThatThrownBy(() -> LabelFiles.read(f)).hasMessage("two.jsonl line 2: two JSON objects on one line (one object per line)");
    }

    @Test
    void textAfterTheObjectIsAnError() throws Exception {
        Path garbage = file("trailing.jsonl", LINE + " xyz\n");
        assertThatThrownBy(() -> LabelFiles.read(garbage)).hasMessage("trailing.jsonl line 1: unexpected text after the object (one JSON object per line)");
        Path number = file("number.jsonl", LINE + " 7\n");
        assertThatThrownBy(() -> LabelFiles.read(number)).hasMessageStartingWith("number.jsonl line 1: unexpected text after the object");
    }

    @Test
    void aKeyGivenTwiceIsAnErrorNotItsLastValue() throws Exception {
        Path f = file("dup.jsonl", "{\"thread_id\": 5, \"posted_at\": \"2025-10-08 05:57:59\", \"rating\": 3, \"rating\": 1}\n");
        assertThatThrownBy(() -> LabelFiles.read(f)).hasMessage("dup.jsonl line 1: key 'rating' appears twice");
    }

    @Test
    void aDateThatDoesNotExistIsAnErrorNotTheNearestOne() throws Exception {
        Path feb = file("feb.jsonl", LINE + "\n" + LINE.replace("2025-10-08 05:57:59", "2025-02-30 10:00:00") + "\n");
        assertThatThrownBy(() -> LabelFiles.read(feb)).hasMessage("feb.jsonl line 2: posted_at '2025-02-30 10:00:00' is not a real date and time");
        Path nonsense = file("bad.csv", "thread_id,posted_at,rating\n5,2025-13-45 99:99:99,3\n");
        assertThatThrownBy(() -> LabelFiles.read(nonsense)).hasMessage("bad.csv line 2: posted_at '2025-13-45 99:99:99' is not a real date and time");
        assertThat(LabelFiles.read(file("leap.jsonl", LINE.replace("2025-10-08", "2024-02-29") + "\n")).getFirst().postedAt())
                .isEqualTo("2024-02-29 05:57:59");
    }

    @Test
    void invalidUtf8NamesTheFileAndLine() throws Exception {
        byte[] bytes = (LINE + "\n{\"thread_id\": 6, \"posted_at\": \"2025-10-08 05:57:59\", \"rating\": 3, \"text\": \"X\"}\n")
                .getBytes(StandardCharsets.UTF_8);
        int x = new String(bytes, StandardCharsets.UTF_8).lastIndexOf('X');
        bytes[x] = (byte) 0xFF;
        Path f = file("latin.jsonl", bytes);
        assertThatThrownBy(() -> LabelFiles.read(f)).hasMessage("latin.jsonl line 2: not valid UTF-8 (byte 0xFF); save the file as UTF-8");
    }

    @Test
    void aByteOrderMarkIsAcceptedInJsonLinesAndCsv() throws Exception {
        Path json = file("bom.jsonl", "\uFEFF" + LINE + "\n");
        assertThat(LabelFiles.read(json)).singleElement().extracting(LabelFileRow::threadId).isEqualTo(5L);
        Path csv = file("bom.csv", "\uFEFFthread_id,posted_at,rating\n5,2025-10-08 05:57:59,2\n");
        assertThat(LabelFiles.read(csv)).singleElement().extracting(LabelFileRow::rating).isEqualTo(2);
    }

    @Test
    void aCsvErrorNamesTheLineEvenAfterAQuotedNewline() throws Exception {
        Path f = file("lines.csv", "thread_id,posted_at,rating,text\n5,2025-10-08 05:57:59,2,\"two\nlines\"\n6,2025-10-08 05:57:59,9,x\n");
        assertThatThrownBy(() -> LabelFiles.read(f)).hasMessage("lines.csv line 4: rating must be 1, 2 or 3, got 9");
    }

    @Test
    void aCsvRowWithTooFewOrTooManyFieldsIsAnError() throws Exception {
        Path few = file("few.csv", "thread_id,posted_at,rating,text\n5,2025-10-08 05:57:59,2\n");
        assertThatThrownBy(() -> LabelFiles.read(few)).hasMessageStartingWith("few.csv line 2: not valid CSV");
        Path many = file("many.csv", "thread_id,posted_at,rating\n5,2025-10-08 05:57:59,2,extra\n");
        assertThatThrownBy(() -> LabelFiles.read(many)).hasMessageStartingWith("many.csv line 2: not valid CSV");
    }

    @Test
    void aCsvHeaderWithoutTheLabelColumnsOrWithOneTwiceIsAnError() throws Exception {
        Path wrong = file("wrong.csv", "id,when,stars\n5,2025-10-08 05:57:59,2\n");
        assertThatThrownBy(() -> LabelFiles.read(wrong)).hasMessageStartingWith("wrong.csv line 1: the header must name thread_id, posted_at and rating");
        Path twice = file("twice.csv", "thread_id,posted_at,rating,rating\n5,2025-10-08 05:57:59,2,1\n");
        assertThatThrownBy(() -> LabelFiles.read(twice)).hasMessage("twice.csv line 1: column 'rating' appears twice in the header");
    }

    @Test
    void aBinaryFileNamedCsvIsAnErrorAndNothingIsWritten() throws Exception {
        byte[] binary = new byte[600];
        for (int i = 0; i < binary.length; i++) binary[i] = (byte) (i % 7 == 0 ? 0 : 'a' + i % 26);
        binary[300] = '\n';
        Path f = file("photo.csv", binary);
        assertThatThrownBy(() -> LabelFiles.read(f)).hasMessage("photo.csv line 1: binary data (a NUL byte), not a labels file");

        // through the command: exit 2, the one line, and no database created for a file that was never read
        Path db = dir.resolve("x.db");
        CliTest r = CliTest.run("--db", db.toString(), "labels", "import", f.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualToIgnoringNewLines("error: photo.csv line 1: binary data (a NUL byte), not a labels file\n");
        assertThat(r.out()).doesNotContain("imported");
    }

    @Test
    void aBadLineLeavesTheStoreUntouched() throws Exception {
        Path db = dir.resolve("kept.db");
        Path good = file("good.jsonl", OTHER + "\n");
        assertThat(CliTest.run("--db", db.toString(), "labels", "import", good.toString()).exitCode()).isZero();
        Path bad = file("bad.jsonl", LINE + "\n" + LINE.replace("2025-10-08", "2025-02-30") + "\n");
        CliTest r = CliTest.run("--db", db.toString(), "labels", "import", bad.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("bad.jsonl line 2:");
        assertThat(CliTest.run("--db", db.toString(), "labels", "stats").out()).contains("1 rated, 0 skipped");
    }
}
