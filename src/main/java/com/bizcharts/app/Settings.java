package com.bizcharts.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import com.bizcharts.collect.http.BodyCap;
import com.bizcharts.index.prices.PriceSettings;
import com.bizcharts.remote.RemoteSettings;
import com.bizcharts.secrets.KeyTransport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of the workstation, read from {@code config/settings.toml} (or {@code --config FILE}) over the
 * defaults bundled in the jar, so a user file only needs the keys it changes.
 */
public record Settings(
        PathSettings paths,
        FourChanSettings fourchan,
        WarosuSettings warosu,
        BackoffSettings backoff,
        RetentionSettings retention,
        LabelingSettings labeling,
        CoinSettings coins,
        LexiconSettings lexicon,
        OcrSettings ocr,
        SignalSettings signals,
        TeacherSettings teacher,
        LearningSettings learning,
        RemoteSettings remote,
        PriceSettings prices,
        ScoringSettings scoring,
        SecuritySettings security,
        ModelsSettings models,
        ImageSettings images) {

    /**
     * Thumbnails flagged as not safe for work by MobileNetV2's NSFW classes (their probabilities summed) at or above
     * {@code nsfwThreshold}: blurred in the label view until V, and left out of the index when
     * {@code excludeFlaggedFromIndex} (off by default).
     */
    public record ImageSettings(double nsfwThreshold, boolean excludeFlaggedFromIndex) {}

    public static final Path DEFAULT_FILE = Path.of("config", "settings.toml");
    private static final String BUNDLED = "/com/bizcharts/config/settings.toml";

    public record PathSettings(String database, String images, String models, String activeModel) {
        public Path databasePath() { return Path.of(database); }
        public Path imagesPath() { return Path.of(images); }
        public Path modelsPath() { return Path.of(models); }
        public Path activeModelPath() { return Path.of(activeModel); }
    }

    /** @param maxCatalogKb the largest catalog body accepted, likewise {@code maxThumbnailKb} for one thumbnail */
    public record FourChanSettings(String apiBase, String imagesBase, String board, long minRequestIntervalMs,
                                   long pollIntervalSeconds, long requestTimeoutSeconds, boolean downloadThumbnails,
                                   String userAgent, long maxCatalogKb, long maxThumbnailKb) {
        public BodyCap catalogCap() { return BodyCap.ofKilobytes("catalog", maxCatalogKb, "[fourchan] max_catalog_kb"); }
        public BodyCap thumbnailCap() { return BodyCap.ofKilobytes("thumbnail", maxThumbnailKb, "[fourchan] max_thumbnail_kb"); }
        public URI apiUri() { return URI.create(stripSlash(apiBase)); }
        public URI imagesUri() { return URI.create(stripSlash(imagesBase)); }
        public Duration minRequestInterval() { return Duration.ofMillis(minRequestIntervalMs); }
        public Duration pollInterval() { return Duration.ofSeconds(pollIntervalSeconds); }
        public Duration requestTimeout() { return Duration.ofSeconds(requestTimeoutSeconds); }
    }

    /** @param maxPageKb the largest Warosu page body accepted, likewise {@code maxThumbnailKb} for one thumbnail */
    public record WarosuSettings(String base, String imagesBase, String board, long minRequestIntervalMs,
                                 long requestTimeoutSeconds, boolean downloadThumbnails, int pageSize,
                                 long maxPageKb, long maxThumbnailKb) {
        public BodyCap pageCap() { return BodyCap.ofKilobytes("Warosu page", maxPageKb, "[warosu] max_page_kb"); }
        public BodyCap thumbnailCap() { return BodyCap.ofKilobytes("Warosu thumbnail", maxThumbnailKb, "[warosu] max_thumbnail_kb"); }
        public URI baseUri() { return URI.create(stripSlash(base)); }
        public URI imagesUri() { return URI.create(stripSlash(imagesBase)); }
        public Duration minRequestInterval() { return Duration.ofMillis(minRequestIntervalMs); }
        public Duration requestTimeout() { return Duration.ofSeconds(requestTimeoutSeconds); }
    }

    public record BackoffSettings(long initialMs, long maxMs, int maxAttempts) {
        public Duration initial() { return Duration.ofMillis(initialMs); }
        public Duration max() { return Duration.ofMillis(maxMs); }
    }

    public record RetentionSettings(int fullHtmlDays, int threadMetadataDays, int snapshotsFullDays,
                                    int snapshotsHourlyDays, int keepThreadsWithReplies, int thumbnailsMaxAgeDays,
                                    long thumbnailsMaxMegabytes) {}

    /**
     * The label view: who labels, whether the model's guess shows at first, cards read ahead, and the labeling
     * guidelines shown with H (empty: the bundled docs/labeling-guidelines.md).
     */
    public record LabelingSettings(String labelerId, boolean showPrediction, int prefetch, String guidelines) {
        public Optional<Path> guidelinesPath() { return guidelines == null || guidelines.isBlank() ? Optional.empty() : Optional.of(Path.of(guidelines.strip())); }
    }

    public record CoinSettings(String list) {
        public Path listPath() { return Path.of(list); }
    }

    /** The slang valences (lexicon scores) and the market words the embedded model counts (its slang traits). */
    public record LexiconSettings(String slang, String marketWords) {
        public Path slangPath() { return Path.of(slang); }
        public Path marketWordsPath() { return Path.of(marketWords); }
    }

    /**
     * The OCR engine ("paddle": PaddleOCR PP-OCRv4 on ONNX Runtime, bundled; "tesseract"), and Tesseract's language
     * data folder and language (OCR turns itself off with a reason when what it needs is missing).
     */
    public record OcrSettings(String engine, String datapath, String language) {
        public Path datapathPath() { return Path.of(datapath); }
    }

    /**
     * The further signals fused when posts are scored (docs/model.md): repost neighbours among labeled thumbnails,
     * the OCR text stored by {@code bizcharts ocr}, ONNX models named by directory (empty: off), and the board's
     * mood over the {@code contextHours} before a post as its context (at least {@code contextMinPosts} threads).
     */
    public record SignalSettings(boolean repost, int repostMaxDistance, int repostNeighbours, boolean ocr,
                                 String onnxText, String onnxImage, int onnxBatch,
                                 boolean context, int contextHours, int contextMinPosts) {
        public Optional<Path> onnxTextPath() { return path(onnxText); }
        public Optional<Path> onnxImagePath() { return path(onnxImage); }
        private static Optional<Path> path(String s) { return s == null || s.isBlank() ? Optional.empty() : Optional.of(Path.of(s.strip())); }
    }

    /** Where keys may travel: over plain http:// to a non-loopback host only when {@code allowInsecureHttp}. */
    public record SecuritySettings(boolean allowInsecureHttp) {
        public KeyTransport keyTransport() { return new KeyTransport(allowInsecureHttp); }
    }

    /** Vision-LLM teachers: base URLs, prices per million tokens and the largest answer accepted (keys never live here). */
    public record TeacherSettings(String openaiBaseUrl, String geminiBaseUrl, String compatibleBaseUrl,
                                  double openaiInputPerMillion, double openaiOutputPerMillion,
                                  double geminiInputPerMillion, double geminiOutputPerMillion,
                                  long requestTimeoutSeconds, double rateLimitSeconds, long maxAnswerKb) {
        public BodyCap answerCap() { return BodyCap.ofKilobytes("teacher answer", maxAnswerKb, "[teacher] max_answer_kb"); }
    }

    /**
     * The background scoring service: posts per batch, scoring threads (0: all cores but one, so the window stays
     * quick while a rescore runs), and how often it looks for another process's writes and model changes.
     */
    public record ScoringSettings(int batch, int threads, long checkIntervalMs) {
        public int threadsOrDefault() {
            return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        }
        public Duration checkInterval() { return Duration.ofMillis(Math.max(50, checkIntervalMs)); }
    }

    /**
     * Models fetched from the Hugging Face Hub ({@code models fetch}): the Hub's address, the catalog of known models
     * (a missing file: the bundled one), and how long a silent connection is waited for (headers, or between two
     * pieces of a body).
     */
    public record ModelsSettings(String hubBaseUrl, String catalog, long requestTimeoutSeconds) {
        public URI hubUri() { return URI.create(stripSlash(hubBaseUrl)); }
        public Path catalogPath() { return Path.of(catalog); }
        public Duration requestTimeout() { return Duration.ofSeconds(requestTimeoutSeconds); }
    }

    /** The learning loop's defaults (from the prototype's plan). */
    public record LearningSettings(double uncertaintyWeight, int clusters, int replayCapacity, double replayShare,
                                   double goldenFraction, double teacherMinConfidence, boolean usePseudoLabels) {}

    private static final TomlMapper MAPPER = TomlMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The bundled defaults alone. */
    public static Settings defaults() {
        return fromTree(bundledTree());
    }

    /**
     * Loads {@code file} over the defaults. A missing default file is fine (defaults apply); a missing file the
     * user named explicitly is an error, as is a file that is not valid TOML.
     */
    public static Settings load(Path file, boolean explicit) {
        ObjectNode tree = bundledTree();
        if (file != null && Files.exists(file)) {
            try {
                merge(tree, MAPPER.readTree(file.toFile()));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read settings " + file + ": " + firstLine(e.getMessage()));
            }
        } else if (explicit) {
            throw new IllegalArgumentException("settings file not found: " + file);
        }
        return fromTree(tree);
    }

    /** A copy with the database path replaced (the {@code --db} option). */
    public Settings withDatabase(Path database) {
        return new Settings(new PathSettings(database.toString(), paths.images, paths.models, paths.activeModel),
                fourchan, warosu, backoff, retention, labeling, coins, lexicon, ocr, signals, teacher, learning, remote, prices, scoring,
                security, models, images);
    }

    /** A copy that lets keys travel over plain http:// to any host (the {@code --allow-insecure} option). */
    public Settings withInsecureHttpAllowed() {
        return new Settings(paths, fourchan, warosu, backoff, retention, labeling, coins, lexicon, ocr, signals, teacher,
                learning, remote, prices, scoring, new SecuritySettings(true), models, images);
    }

    private static ObjectNode bundledTree() {
        try (InputStream in = Settings.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException("bundled settings missing from the jar: " + BUNDLED);
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Settings fromTree(JsonNode tree) {
        try {
            return MAPPER.treeToValue(tree, Settings.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid settings: " + firstLine(e.getMessage()));
        }
    }

    private static void merge(ObjectNode base, JsonNode overlay) {
        Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = base.get(field.getKey());
            if (existing instanceof ObjectNode baseChild && field.getValue().isObject()) {
                merge(baseChild, field.getValue());
            } else {
                base.set(field.getKey(), field.getValue());
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) return "unknown error";
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
