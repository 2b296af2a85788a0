package com.bizcharts.sentiment.hub;

import com.bizcharts.sentiment.onnx.OnnxImageClassifier;
import com.bizcharts.sentiment.onnx.OnnxModels;
import com.bizcharts.sentiment.scoring.ModelRegistry;
import com.bizcharts.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole fetch against a loopback Hub serving a tiny CLIP in the Hub's layout, into a temp folder and database. */
class ModelFetchTest {

    @TempDir Path dir;
    private FakeHub hub;
    private Database db;
    private ModelRegistry registry;
    private Map<String, byte[]> files;
    private final List<FetchStatus> statuses = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        hub = new FakeHub();
        files = TinyHubModels.publishClip(hub);
        db = Database.open(dir.resolve("test.db"));
        registry = new ModelRegistry(db, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        db.close();
        hub.close();
    }

    private ModelFetch fetcher(String catalogToml, Duration timeout, String token) {
        Path catalog = TinyHubModels.writeCatalog(dir.resolve("catalog.toml"), catalogToml);
        return new ModelFetch(() -> ModelCatalog.load(catalog), new HubDownload(URI.create(hub.base()),
                () -> Optional.ofNullable(token), timeout), dir.resolve("models"), registry, Clock.systemUTC());
    }

    private ModelFetch fetcher() {
        return fetcher(TinyHubModels.clipCatalog(files), Duration.ofSeconds(10), null);
    }

    private FetchResult fetch(ModelFetch f) {
        return f.fetch("tiny-clip", statuses::add, () -> false);
    }

    private List<String> news() {
        return statuses.stream().map(FetchStatus::news).filter(n -> n != null).toList();
    }

    private Path folder() {
        return dir.resolve("models").resolve("tiny-clip");
    }

    @Test
    void aFetchedModelIsCheckedCompletedAndRegisteredButNotActivated() throws Exception {
        FetchResult r = fetcher(TinyHubModels.clipCatalog(files), Duration.ofSeconds(10), "hf_test_token").fetch("tiny-clip", statuses::add, () -> false);

        Path folder = folder();
        assertThat(Files.readAllBytes(folder.resolve("image_encoder.onnx"))).isEqualTo(files.get(TinyHubModels.VISION));
        assertThat(Files.readAllBytes(folder.resolve("text_model.onnx"))).isEqualTo(files.get("onnx/text_model.onnx"));
        assertThat(folder.resolve("head.json")).exists();
        try (var s = Files.list(folder)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
        // registered under its content id, of kind onnx-image, and nothing was activated
        assertThat(r.model().id()).isEqualTo(OnnxModels.id(folder)).startsWith("onnx-image-");
        assertThat(registry.list()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo("onnx-image");
            assertThat(m.active()).isFalse();
            assertThat(m.path()).isEqualTo(folder.toAbsolutePath().normalize().toString());
        });
        assertThat(registry.active()).isEmpty();
        assertThat(r.turnOn()).contains("[signals] onnx_image = \"" + folder.toString().replace('\\', '/') + "\"");
        assertThatThrownBy(() -> registry.activate(r.model().id())).hasMessageContaining("fused as a further signal");

        // the pinned file was checked against the catalog; the others' hashes recorded on first download, and said so
        assertThat(news()).anyMatch(n -> n.contains(TinyHubModels.VISION) && n.contains("verified") && n.contains("as the catalog pins"));
        assertThat(r.notes()).hasSize(3).allMatch(n -> n.contains("recorded on first download"));
        assertThat(news()).anyMatch(n -> n.contains("tokenizer.json") && n.contains("recorded on first download")
                && n.contains(FakeHub.sha256(files.get("tokenizer.json"))));
        FetchManifest manifest = FetchManifest.read(folder).orElseThrow();
        assertThat(manifest.commit()).isEqualTo(TinyHubModels.REVISION);
        assertThat(manifest.files()).hasSize(4).allSatisfy(e ->
                assertThat(e.sha256()).isEqualTo(FakeHub.sha256(files.get(e.path()))));
        assertThat(manifest.files()).filteredOn(FetchManifest.Entry::pinned).extracting(FetchManifest.Entry::path)
                .containsExactly(TinyHubModels.VISION);
        assertThat(manifest.generated()).anyMatch(g -> g.startsWith("head.json"));

        // the token went to the Hub, never to the CDN it redirected to
        assertThat(hub.requestsFor(TinyHubModels.VISION)).extracting(FakeHub.Seen::server).containsExactly("hub", "cdn");
        assertThat(hub.seen).filteredOn(s -> s.server().equals("hub")).allMatch(s -> "Bearer hf_test_token".equals(s.authorization()));
        assertThat(hub.seen).filteredOn(s -> s.server().equals("cdn")).allMatch(s -> s.authorization() == null);

        // and the runner reads the directory as fetched: bright green reads as its zero-shot labels say
        try (OnnxImageClassifier c = new OnnxImageClassifier(folder)) {
            assertThat(c.labels()).containsExactly("bearish", "neutral", "bullish");
            double[] p = c.probabilities(List.of(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB))).get(0);
            assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void aSecondFetchFindsTheFilesInPlaceAndDownloadsNothing() {
        FetchResult first = fetch(fetcher());
        int requests = hub.seen.size();
        statuses.clear();
        FetchResult again = fetch(fetcher());

        assertThat(hub.seen).hasSize(requests);
        assertThat(again.downloaded()).isZero();
        assertThat(first.downloaded()).isEqualTo(4);
        assertThat(again.model().id()).isEqualTo(first.model().id());
        assertThat(news()).filteredOn(n -> n.contains("already in place")).hasSize(4);
        assertThat(registry.list()).hasSize(1);
    }

    @Test
    void aBodyCutShortNamesTheFileKeepsThePartAndTheNextFetchResumesWithARange() throws Exception {
        byte[] text = files.get("onnx/text_model.onnx");
        hub.cutNext("onnx/text_model.onnx", text.length / 2);

        assertThatThrownBy(() -> fetch(fetcher()))
                .isInstanceOf(HubException.class)
                .hasMessageContaining("onnx/text_model.onnx").hasMessageContaining(TinyHubModels.REPO)
                .hasMessageContaining("text_model.onnx.part is kept").hasMessageContaining("resume")
                .satisfies(e -> assertThat(((HubException) e).partKept()).isTrue());
        Path part = folder().resolve("text_model.onnx.part");
        assertThat(part).exists();
        assertThat(Files.size(part)).isEqualTo(text.length / 2);
        assertThat(folder().resolve("text_model.onnx")).doesNotExist();
        assertThat(registry.list()).isEmpty();

        statuses.clear();
        FetchResult r = fetch(fetcher());
        assertThat(hub.requestsFor("onnx/text_model.onnx")).last()
                .satisfies(s -> assertThat(s.range()).isEqualTo("bytes=" + text.length / 2 + "-"));
        assertThat(Files.readAllBytes(folder().resolve("text_model.onnx"))).isEqualTo(text);
        assertThat(part).doesNotExist();
        assertThat(news()).anyMatch(n -> n.contains("resuming after"));
        // the vision tower, verified the first time, was not asked for again
        assertThat(hub.requestsFor(TinyHubModels.VISION)).hasSize(2);
        assertThat(r.model().active()).isFalse();
        assertThat(registry.list()).hasSize(1);
    }

    @Test
    void aServerThatIgnoresTheRangeSendsTheWholeFileAndItIsWrittenFromTheStart() throws Exception {
        byte[] text = files.get("onnx/text_model.onnx");
        hub.cutNext("onnx/text_model.onnx", 10);
        assertThatThrownBy(() -> fetch(fetcher())).isInstanceOf(HubException.class);
        hub.ignoreRange(true);
        statuses.clear();
        fetch(fetcher());
        assertThat(Files.readAllBytes(folder().resolve("text_model.onnx"))).isEqualTo(text);
        assertThat(news()).anyMatch(n -> n.contains("sent the whole file again"));
    }

    @Test
    void aWrongHashRefusesTheFileAndRegistersNothing() {
        String wrong = "0".repeat(64);
        String catalog = TinyHubModels.clipCatalog(files).replace(FakeHub.sha256(files.get(TinyHubModels.VISION)), wrong);

        assertThatThrownBy(() -> fetch(fetcher(catalog, Duration.ofSeconds(10), null)))
                .isInstanceOf(HubException.class)
                .hasMessageContaining(TinyHubModels.VISION).hasMessageContaining("the catalog pins " + wrong)
                .hasMessageContaining("file refused, nothing registered");
        assertThat(folder().resolve("image_encoder.onnx")).doesNotExist();
        assertThat(folder().resolve("image_encoder.onnx.part")).doesNotExist();
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void aFileThatChangedSinceItsHashWasRecordedIsRefused() throws Exception {
        fetch(fetcher());
        Files.delete(folder().resolve("tokenizer.json"));
        byte[] changed = (new String(files.get("tokenizer.json"), java.nio.charset.StandardCharsets.UTF_8) + " ").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        hub.put(TinyHubModels.REPO, TinyHubModels.REVISION, "tokenizer.json", changed, false);

        assertThatThrownBy(() -> fetch(fetcher()))
                .hasMessageContaining("tokenizer.json").hasMessageContaining("the manifest recorded " + FakeHub.sha256(files.get("tokenizer.json")))
                .hasMessageContaining("file refused");
        assertThat(folder().resolve("tokenizer.json")).doesNotExist();
    }

    @Test
    void aMissingFileRevisionOrRepositoryIsA404ThatNamesRepositoryRevisionAndPath() {
        String base = TinyHubModels.clipCatalog(files);
        assertThatThrownBy(() -> fetch(fetcher(base.replace("path = \"tokenizer.json\"", "path = \"nope/tokenizer.json\""), Duration.ofSeconds(10), null)))
                .isInstanceOf(HubException.class)
                .hasMessageContaining(TinyHubModels.REPO).hasMessageContaining("nope/tokenizer.json")
                .hasMessageContaining("at revision " + TinyHubModels.REVISION).hasMessageContaining("404");
        // the vision tower is in place from the first attempt and matches its pin: the text tower is the first asked for
        assertThatThrownBy(() -> fetch(fetcher(base.replace(TinyHubModels.REVISION, "f".repeat(40)), Duration.ofSeconds(10), null)))
                .hasMessageContaining("revision " + "f".repeat(40) + " not found in " + TinyHubModels.REPO)
                .hasMessageContaining("onnx/text_model.onnx");
        assertThatThrownBy(() -> fetch(fetcher(base.replace(TinyHubModels.REPO, "nobody/nothing"), Duration.ofSeconds(10), null)))
                .hasMessageContaining("repository nobody/nothing not found").hasMessageContaining("HF_TOKEN")
                .hasMessageContaining("onnx/text_model.onnx").hasMessageContaining("revision " + TinyHubModels.REVISION);
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void aBodyThatStallsIsDroppedAfterTheTimeoutWithThePartKept() throws Exception {
        byte[] text = files.get("onnx/text_model.onnx");
        hub.stallNext("onnx/text_model.onnx", 5_000);
        long start = System.nanoTime();
        assertThatThrownBy(() -> fetch(fetcher(TinyHubModels.clipCatalog(files), Duration.ofSeconds(1), null)))
                .isInstanceOf(HubException.class).hasMessageContaining("onnx/text_model.onnx")
                .hasMessageContaining("nothing arrived for 1 s").hasMessageContaining("is kept");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(Files.size(folder().resolve("text_model.onnx.part"))).isEqualTo(text.length / 2);
    }

    @Test
    void aSlowButSteadyBodyIsNotCutByTheTimeoutWhichBoundsSilenceNotTheWholeDownload() throws Exception {
        hub.dripNext("onnx/text_model.onnx", 600); // four pieces 0.6 s apart (1.8 s in all) against a 1 s timeout
        long start = System.nanoTime();
        fetch(fetcher(TinyHubModels.clipCatalog(files), Duration.ofSeconds(1), null));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(1500));
        assertThat(Files.readAllBytes(folder().resolve("text_model.onnx"))).isEqualTo(files.get("onnx/text_model.onnx"));
    }

    @Test
    void aCancelStopsTheDownloadAndKeepsThePart() throws Exception {
        hub.stallNext("onnx/text_model.onnx", 5_000);
        List<Boolean> cancel = new ArrayList<>(List.of(false));
        ModelFetch f = fetcher();
        assertThatThrownBy(() -> f.fetch("tiny-clip", s -> {
            if ("onnx/text_model.onnx".equals(s.file()) && s.bytes() > 0) cancel.set(0, true);
        }, () -> cancel.get(0))).isInstanceOf(CancellationException.class).hasMessageContaining("partial file is kept");
        assertThat(folder().resolve("text_model.onnx.part")).exists();
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void anUnknownNameListsTheCatalog() {
        assertThatThrownBy(() -> fetcher().fetch("gpt-5", s -> {}, () -> false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no model 'gpt-5'").hasMessageContaining("tiny-clip");
    }

    @Test
    void aSentenceEncoderIsRegisteredAsOneRefusesActivationAndItsNoteSaysHowItIsUsed() throws Exception {
        Path tiny = dir.resolve("tiny-text");
        com.bizcharts.sentiment.onnx.TinyOnnxModels.writeTextModel(tiny);
        byte[] model = Files.readAllBytes(tiny.resolve("model.onnx"));
        byte[] tokenizer = Files.readAllBytes(tiny.resolve("tokenizer.json"));
        hub.put("tiny/encoder", "main", "onnx/model_quantized.onnx", model, true).put("tiny/encoder", "main", "tokenizer.json", tokenizer, false);
        String catalog = """
                [[model]]
                name = "tiny-encoder"
                kind = "sentence-encoder"
                repo = "tiny/encoder"
                revision = "main"
                note = "train with it: bizcharts train --encoder tiny"
                  [[model.file]]
                  path = "onnx/model_quantized.onnx"
                  save_as = "model.onnx"
                  size = %d
                  sha256 = "%s"
                  [[model.file]]
                  path = "tokenizer.json"
                  size = %d
                  sha256 = "%s"
                """.formatted(model.length, FakeHub.sha256(model), tokenizer.length, FakeHub.sha256(tokenizer));

        FetchResult r = fetcher(catalog, Duration.ofSeconds(10), null).fetch("tiny-encoder", statuses::add, () -> false);
        assertThat(r.model().kind()).isEqualTo("sentence-encoder");
        assertThat(r.model().id()).startsWith("sentence-encoder-");
        assertThat(r.turnOn()).isEqualTo("train with it: bizcharts train --encoder tiny");
        assertThat(r.notes()).isEmpty();
        // 'main' resolved to a commit: the manifest keeps which one the files came from
        assertThat(FetchManifest.read(dir.resolve("models").resolve("tiny-encoder")).orElseThrow().commit()).isEqualTo(FakeHub.commit("main"));
        assertThatThrownBy(() -> registry.activate(r.model().id())).hasMessageContaining("is a sentence encoder")
                .hasMessageContaining("not activated");
        assertThat(registry.active()).isEmpty();
    }

    @Test
    void aGatedRepositoryAsksForHfTokenAndOpensWithIt() {
        hub.gate(TinyHubModels.REPO, "hf_right");
        String catalog = TinyHubModels.clipCatalog(files);
        assertThatThrownBy(() -> fetch(fetcher(catalog, Duration.ofSeconds(10), null)))
                .hasMessageContaining("HTTP 401").hasMessageContaining("needs a token in HF_TOKEN")
                .hasMessageContaining(TinyHubModels.VISION).hasMessageContaining(TinyHubModels.REPO);
        assertThatThrownBy(() -> fetch(fetcher(catalog, Duration.ofSeconds(10), "hf_wrong")))
                .hasMessageContaining("the token in HF_TOKEN has no access to it")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hf_wrong"));
        assertThat(fetch(fetcher(catalog, Duration.ofSeconds(10), "hf_right")).model().kind()).isEqualTo("onnx-image");
    }
}
