package com.bizcharts.cli;

import com.bizcharts.sentiment.hub.FakeHub;
import com.bizcharts.sentiment.hub.TinyHubModels;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code models fetch} in-process against a loopback Hub: what it prints, what it registers, and turning it on. */
class ModelsFetchCommandTest {

    @TempDir Path dir;
    private FakeHub hub;
    private Map<String, byte[]> files;
    private Path config;

    @BeforeEach
    void setUp() throws Exception {
        hub = new FakeHub();
        files = TinyHubModels.publishClip(hub);
        Path catalog = TinyHubModels.writeCatalog(dir.resolve("catalog.toml"), TinyHubModels.clipCatalog(files));
        config = dir.resolve("settings.toml");
        Files.writeString(config, """
                [paths]
                database = "%s"
                models = "%s"
                [models]
                hub_base_url = "%s"
                catalog = "%s"
                request_timeout_seconds = 5
                """.formatted(slashes(dir.resolve("f.db")), slashes(dir.resolve("models")), hub.base(), slashes(catalog)));
    }

    @AfterEach
    void tearDown() {
        hub.close();
    }

    private static String slashes(Path p) {
        return p.toString().replace('\\', '/');
    }

    @Test
    void fetchPrintsEachStepRegistersWithoutActivatingAndSaysHowToTurnItOn() throws Exception {
        CliTest r = CliTest.run("--config", config.toString(), "models", "fetch", "tiny-clip");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String folder = slashes(dir.resolve("models").resolve("tiny-clip"));
        assertThat(r.out())
                .contains("fetching tiny-clip from " + hub.base() + "/" + TinyHubModels.REPO + " at revision " + TinyHubModels.REVISION)
                .contains("[1/4] " + TinyHubModels.VISION + " -> image_encoder.onnx")
                .contains("100%  [1/4] " + TinyHubModels.VISION)
                .contains("verified, " + files.get(TinyHubModels.VISION).length + " bytes")
                .contains("[3/4] tokenizer.json: " + files.get("tokenizer.json").length + " bytes, sha256 "
                        + FakeHub.sha256(files.get("tokenizer.json")) + " recorded on first download in manifest.json")
                .contains("note: 3 file(s) had no pinned SHA-256")
                .contains("making head.json: the zero-shot head of 3 labels from 5 prompts")
                .contains("not active")
                .contains("to turn it on, set [signals] onnx_image = \"" + folder + "\"");
        Matcher id = Pattern.compile("registered (onnx-image-[0-9a-f]{12})").matcher(r.out());
        assertThat(id.find()).isTrue();

        CliTest list = CliTest.run("--config", config.toString(), "models", "list");
        assertThat(list.out()).containsPattern("\\n  " + id.group(1) + " +onnx-image");

        // turned on as the output says, the model joins the id predictions are stored under
        Files.writeString(config, Files.readString(config) + "[signals]\nonnx_image = \"" + folder + "\"\n");
        CliTest one = CliTest.run("--config", config.toString(), "sentiment", "wagmi moon", "--json");
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(new ObjectMapper().readTree(one.out()).get("model").asText()).endsWith("+" + id.group(1));

        // fetched again: nothing downloaded, the same model
        int requests = hub.seen.size();
        CliTest again = CliTest.run("--config", config.toString(), "models", "fetch", "tiny-clip");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("already in place").contains("registered " + id.group(1)).doesNotContain("note:");
        assertThat(hub.seen).hasSize(requests);
    }

    @Test
    void theListShowsTheCatalog() {
        CliTest r = CliTest.run("--config", config.toString(), "models", "fetch", "--list");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("from " + hub.base()).contains("tiny-clip").contains("onnx-image")
                .contains(TinyHubModels.REPO + "@d15189d7028b").contains("4 files (at least 0.3 KB), 1 of them with a pinned SHA-256");
    }

    @Test
    void errorsAreOneLineWithTheirExitCodes() throws Exception {
        CliTest unknown = CliTest.run("--config", config.toString(), "models", "fetch", "nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("error: no model 'nope' in the catalog (known: tiny-clip").doesNotContain("\tat ");

        Files.writeString(dir.resolve("catalog.toml"), TinyHubModels.clipCatalog(files).replace("path = \"preprocessor_config.json\"", "path = \"gone/preprocessor_config.json\""));
        CliTest missing = CliTest.run("--config", config.toString(), "models", "fetch", "tiny-clip");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err().strip()).startsWith("error: " + TinyHubModels.REPO + " has no gone/preprocessor_config.json at revision " + TinyHubModels.REVISION)
                .doesNotContain("\n");
        assertThat(CliTest.run("--config", config.toString(), "models", "list").out()).doesNotContain("onnx-image-");
    }
}
