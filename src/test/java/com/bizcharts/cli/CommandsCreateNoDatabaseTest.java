package com.bizcharts.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command that fails its checks, or only reads, leaves no database behind: only commands that store something
 * create one (and its folder).
 */
class CommandsCreateNoDatabaseTest {

    @TempDir Path dir;

    private void assertNothingCreated(Path db) throws Exception {
        assertThat(db).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("nodir").noneMatch(n -> n.startsWith("x.db"));
        }
    }

    @Test
    void aReadCommandOnAMissingDatabaseSaysSoAndCreatesNothing() throws Exception {
        Path db = dir.resolve("nodir").resolve("x.db");
        String[][] reads = {
                {"stats"}, {"coverage"}, {"labels", "stats"}, {"labels", "export", dir.resolve("out.jsonl").toString()},
                {"coins"}, {"index", "--from", "2025-01-01", "--to", "2025-01-02"}, {"index", "leadlag"}, {"prices", "show"}};
        for (String[] command : reads) {
            String[] args = new String[command.length + 2];
            args[0] = "--db";
            args[1] = db.toString();
            System.arraycopy(command, 0, args, 2, command.length);
            CliTest r = CliTest.run(args);
            assertThat(r.exitCode()).as(String.join(" ", command) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", command)).startsWith("error: database does not exist: " + db)
                    .contains("'labels import'");
            assertThat(dir.resolve("nodir")).as(String.join(" ", command)).doesNotExist();
        }
        assertThat(dir.resolve("out.jsonl")).doesNotExist();
    }

    @Test
    void aCommandThatFailsItsChecksCreatesNoDatabase() throws Exception {
        Path db = dir.resolve("x.db");
        String d = db.toString();
        assertThat(CliTest.run("--db", d, "labels", "import", dir.resolve("missing.jsonl").toString()).exitCode()).isEqualTo(2);
        Files.writeString(dir.resolve("bad.csv"), "thread_id,posted_at,rating\n5,2025-02-30 00:00:00,2\n");
        assertThat(CliTest.run("--db", d, "labels", "import", dir.resolve("bad.csv").toString()).exitCode()).isEqualTo(2);
        CliTest sync = CliTest.run("--db", d, "prices", "sync", "--coin", "BTC", "--from", "2025-01-02", "--to", "2025-01-01");
        assertThat(sync.err()).contains("--to is before --from");
        CliTest provider = CliTest.run("--db", d, "prices", "sync", "--coin", "BTC", "--from", "2025-01-02", "--provider", "nobody");
        assertThat(provider.exitCode()).isEqualTo(2);
        assertNothingCreated(db);
    }

    @Test
    void sentimentOfNothingIsRefused() {
        CliTest r = CliTest.run("--db", dir.resolve("x.db").toString(), "sentiment", "");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualToIgnoringNewLines("error: nothing to score: TEXT is empty (give the post's text, a --subject or an --image)");
        assertThat(r.out()).doesNotContain("label");
        assertThat(CliTest.run("--db", dir.resolve("x.db").toString(), "sentiment", "   ", "--subject", "wagmi").exitCode()).isZero();
    }
}
