package com.bizcharts.app;

import com.bizcharts.coins.CoinExtractor;
import com.bizcharts.coins.CoinList;
import com.bizcharts.coins.CoinMentionRepository;
import com.bizcharts.collect.http.Backoff;
import com.bizcharts.learn.teacher.ApiKeys;
import com.bizcharts.sentiment.embedded.SentimentSignals;
import com.bizcharts.sentiment.embedded.SlangTally;
import com.bizcharts.sentiment.embedded.ThumbnailSignal;
import com.bizcharts.sentiment.fusion.RepostSignal;
import com.bizcharts.sentiment.fusion.SignalSource;
import com.bizcharts.sentiment.hub.HubDownload;
import com.bizcharts.sentiment.hub.ModelCatalog;
import com.bizcharts.sentiment.hub.ModelFetch;
import com.bizcharts.learn.teacher.ApiKeys;
import com.bizcharts.sentiment.image.LabeledImageIndex;
import com.bizcharts.sentiment.lexicon.BizLexicon;
import com.bizcharts.sentiment.lexicon.LexiconSignal;
import com.bizcharts.sentiment.ocr.OcrSignal;
import com.bizcharts.sentiment.onnx.BundledEncoders;
import com.bizcharts.sentiment.onnx.OnnxSignal;
import com.bizcharts.sentiment.scoring.ActiveModel;
import com.bizcharts.sentiment.scoring.BatchScorer;
import com.bizcharts.sentiment.scoring.BoardMoodSignal;
import com.bizcharts.sentiment.scoring.ModelLoader;
import com.bizcharts.sentiment.scoring.ModelRegistry;
import com.bizcharts.sentiment.scoring.PredictionRepository;
import com.bizcharts.sentiment.scoring.ScoringService;
import com.bizcharts.store.Database;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.ThreadRepository;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The composition root: builds the engine once, from settings, for the GUI and the CLI alike. Every part is built
 * here by constructor and handed to the one of six feature services that owns it ({@link Collecting},
 * {@link Labelling}, {@link Scoring}, {@link Analysis}, {@link Training}, {@link Remote}); commands and view-models
 * reach parts only through those. The engine keeps only what it must start and close. Nothing is a static singleton.
 */
public final class Engine implements AutoCloseable {

    private final Settings settings;
    private final Database database;
    private final SentimentSignals signals;
    private final ModelLoader modelLoader;
    private final ActiveModel activeModel;
    private final ScoringService scoringService;
    private final Collecting collecting;
    private final Labelling labelling;
    private final Scoring scoring;
    private final Analysis analysis;
    private final Training training;
    private final Remote remote;

    public Engine(Settings settings) {
        this(settings, ApiKeys.system());
    }

    /** @param secrets where keys and the SSH passphrase come from (the environment and keyring, or a test's own) */
    public Engine(Settings settings, ApiKeys secrets) {
        this.settings = settings;
        Clock clock = Clock.systemUTC();
        Path imagesDir = settings.paths().imagesPath();
        this.database = Database.open(settings.paths().databasePath());
        // what can fail after the store is open (a coin list, the lexicon, a model folder) must not leave it open
        try {
            var threads = new ThreadRepository(database);
            var coinMentions = new CoinMentionRepository(new CoinExtractor(CoinList.load(settings.coins().listPath())));
            this.signals = signalsWithStore(settings, database);
            var models = new ModelRegistry(database, clock);
            var predictions = new PredictionRepository(database);
            this.modelLoader = new ModelLoader(settings.paths().activeModelPath(), signals);
            this.activeModel = new ActiveModel(models, modelLoader);
            var sc = settings.scoring();
            this.scoringService = new ScoringService(predictions, activeModel, new BatchScorer(clock), imagesDir,
                    database::dataVersion, sc.batch(), sc.threadsOrDefault(), sc.checkInterval());
            // Whatever stores posts (live poll, Warosu page, label import, a thumbnail arriving) hands them to the scorer.
            database.postChanges().subscribe(scoringService::submit);

            Backoff backoff = backoff(settings);
            this.collecting = new Collecting(settings, database, threads, coinMentions, backoff, clock);
            this.scoring = new Scoring(activeModel, scoringService, models, predictions, modelLoader, signals, settings.ocr(),
                    database, imagesDir, coinMentions.extractor(), clock, modelFetch(settings, models, clock));
            this.training = new Training(settings, database, signals, models, modelLoader, clock);
            this.labelling = new Labelling(database, threads, new LabelRepository(database), coinMentions, activeModel,
                    training::activeLearningQueue, training.teacherLabels(), predictions, settings.images().nsfwThreshold(),
                    imagesDir, clock);
            this.analysis = new Analysis(settings, database, backoff, secrets, clock);
            this.remote = new Remote(settings, database, training::candidateEvaluation, secrets, clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * The lexicon and image signals and the ONNX models named in settings, without opening the database (train and
     * eval from files need no database; the ONNX models open on first use).
     */
    public static SentimentSignals signals(Settings settings) {
        LexiconSignal lexicon = new LexiconSignal(BizLexicon.load(settings.lexicon().slangPath()));
        SlangTally tally = SlangTally.load(settings.lexicon().marketWordsPath());
        var s = settings.signals();
        List<SignalSource> onnx = new ArrayList<>();
        s.onnxTextPath().ifPresent(dir -> onnx.add(OnnxSignal.text(dir, s.onnxBatch())));
        s.onnxImagePath().ifPresent(dir -> onnx.add(OnnxSignal.image(dir, s.onnxBatch())));
        return new SentimentSignals(SlangTally.withScoresFrom(lexicon, tally), new ThumbnailSignal(), lexicon::vader,
                new BundledEncoders(), onnx);
    }

    /** As {@link #signals(Settings)}, plus the signals that read the store: repost neighbours and stored OCR text. */
    private static SentimentSignals signalsWithStore(Settings settings, Database db) {
        SentimentSignals base = signals(settings);
        var s = settings.signals();
        List<SignalSource> further = new ArrayList<>();
        if (s.repost()) {
            further.add(new RepostSignal(new LabeledImageIndex(db, settings.paths().imagesPath()), s.repostMaxDistance(), s.repostNeighbours()));
        }
        if (s.ocr()) further.add(OcrSignal.stored(db, base.lexicon()));
        if (s.context()) further.add(BoardMoodSignal.stored(db, Duration.ofHours(s.contextHours()), s.contextMinPosts()));
        further.addAll(base.further());
        return base.withFurther(further);
    }

    /** The catalog is read when a fetch asks for it, so a malformed catalog never stops the engine from opening. */
    private static ModelFetch modelFetch(Settings settings, ModelRegistry models, Clock clock) {
        var m = settings.models();
        return new ModelFetch(() -> ModelCatalog.load(m.catalogPath()),
                new HubDownload(m.hubUri(), () -> ApiKeys.system().find("HF_TOKEN"), m.requestTimeout()),
                settings.paths().modelsPath(), models, clock);
    }

    private static Backoff backoff(Settings settings) {
        var b = settings.backoff();
        return new Backoff(b.initial(), b.max(), b.maxAttempts());
    }

    /**
     * Starts the embedded background services the window and the long-running commands use: the scoring service
     * and the watch on the active model (another process's activation is seen within the check interval).
     */
    public void startServices() {
        activeModel.watch(settings.scoring().checkInterval());
        scoringService.start();
    }

    public Settings settings() { return settings; }

    /** What collects and keeps the board: the live scraper, Warosu imports, the posts stored, retention and coverage. */
    public Collecting collecting() { return collecting; }

    /** What the labeler works with: the queue, the labels and their files, progress and the coins of a post. */
    public Labelling labelling() { return labelling; }

    /** What scores posts: the one active model, the background scoring service, the registry and the predictions. */
    public Scoring scoring() { return scoring; }

    /** What reads sentiment and prices: the Fear/Greed and coin analysis and the price store and sync. */
    public Analysis analysis() { return analysis; }

    /** What learns: training, evaluation, the guarded retrain, drift, the golden set, teacher labels, active learning. */
    public Training training() { return training; }

    /** What trains on a GPU machine: remote runs, pods, the training job, serving as a teacher, judging pulled models. */
    public Remote remote() { return remote; }

    /**
     * The database itself, for tests and the store's own benchmarks; commands and view-models go through the feature
     * services above ({@code ArchitectureTest} keeps cli and ui off it).
     */
    public Database database() { return database; }

    @Override
    public void close() {
        scoringService.close();
        activeModel.close();
        labelling.close();
        collecting.stop();
        signals.close();
        modelLoader.close();
        database.close();
        if (signals.encoders() instanceof BundledEncoders e) e.close();
    }
}
