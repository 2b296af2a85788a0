package com.bizcharts.store.labels;

import com.bizcharts.cli.CliTest;
import com.bizcharts.store.Database;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.ThreadRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static org.assertj.core.api.Assertions.assertThat;

/** The real labeled set in ../shared goes in and comes back out unchanged (run with -Pshared-data). */
@Tag("shared-data")
class SharedLabelsImportTest {

    private static Path sharedLabels() {
        return com.bizcharts.shared.SharedData.labels();
    }

    @Test
    void importsAllPostsWithTheDocumentedClassesAndExportsThemLosslessly(@TempDir Path dir) {
        Path db = dir.resolve("shared.db");
        CliTest in = CliTest.run("--db", db.toString(), "labels", "import", sharedLabels().toString(), "--labeler", "shared");
        assertThat(in.exitCode()).as(in.err()).isZero();
        assertThat(in.out()).contains("925 new posts, 925 new labels");

        CliTest stats = CliTest.run("--db", db.toString(), "labels", "stats");
        assertThat(stats.out()).contains("925 rated, 0 skipped").containsPattern("bearish\\s+317")
                .containsPattern("neutral\\s+441").containsPattern("bullish\\s+167");
        try (Database store = Database.open(db)) {
            assertThat(new ThreadRepository(store).count()).isEqualTo(925);
            assertThat(store.read().fetchCount(THREAD_OPS, THREAD_OPS.SOURCE.eq("import"))).isEqualTo(925);
            assertThat(new LabelRepository(store).count()).isEqualTo(925);
        }

        for (String name : List.of("back.jsonl", "back.csv")) {
            Path out = dir.resolve(name);
            CliTest export = CliTest.run("--db", db.toString(), "labels", "export", out.toString());
            assertThat(export.exitCode()).as(export.err()).isZero();
            if (name.endsWith(".jsonl")) assertThat(objects(out)).isEqualTo(objects(sharedLabels()));
            else assertThat(LabelFiles.read(out)).isEqualTo(LabelFiles.read(sharedLabels()));
        }

        CliTest again = CliTest.run("--db", db.toString(), "labels", "import", sharedLabels().toString(), "--labeler", "shared");
        assertThat(again.out()).contains("0 new posts, 0 new labels, 925 already present").doesNotContain("conflicts");
    }

    private static List<JsonNode> objects(Path file) {
        ObjectMapper json = new ObjectMapper();
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(l -> {
                try {
                    return json.readTree(l);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
