package com.bizcharts.app;

import com.bizcharts.coins.CoinExtractor;
import com.bizcharts.coins.CoinList;
import com.bizcharts.coins.CoinMentionRepository;
import com.bizcharts.collect.http.Backoff;
import com.bizcharts.collect.http.PoliteHttp;
import com.bizcharts.collect.http.RequestPacer;
import com.bizcharts.collect.live.CatalogPoller;
import com.bizcharts.collect.live.LiveScraper;
import com.bizcharts.collect.live.ThumbnailStore;
import com.bizcharts.collect.warosu.WarosuImporter;
import com.bizcharts.index.prices.BinanceProvider;
import com.bizcharts.index.prices.CoinGeckoProvider;
import com.bizcharts.index.prices.CoinMarketCapProvider;
import com.bizcharts.index.prices.PriceIds;
import com.bizcharts.index.prices.PriceProvider;
import com.bizcharts.index.prices.PriceSettings;
import com.bizcharts.index.prices.PriceSync;
import com.bizcharts.index.prices.ProviderBudget;
import com.bizcharts.learn.drift.DriftWatch;
import com.bizcharts.learn.active.ActiveLearningQueue;
import com.bizcharts.learn.active.HybridAcquisition;
import com.bizcharts.learn.golden.GoldenSet;
import com.bizcharts.learn.models.ModelEvaluations;
import com.bizcharts.learn.models.ModelTrainer;
import com.bizcharts.learn.retrain.CandidateEvaluation;
import com.bizcharts.learn.retrain.GuardedRetrain;
import com.bizcharts.learn.teacher.TeacherLabelRepository;
import com.bizcharts.sentiment.SentimentSignals;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.bizcharts.sentiment.fusion.SignalSource;
import com.bizcharts.sentiment.image.LabeledImageIndex;
import com.bizcharts.sentiment.fusion.RepostSignal;
import com.bizcharts.sentiment.ocr.OcrSignal;
import com.bizcharts.sentiment.onnx.OnnxSignal;
import com.bizcharts.sentiment.onnx.BundledEncoders;
import com.bizcharts.sentiment.lexicon.BizLexicon;
import com.bizcharts.sentiment.lexicon.LexiconSignal;
import com.bizcharts.sentiment.ocr.ImageText;
import com.bizcharts.sentiment.embedded.SlangTally;
import com.bizcharts.sentiment.embedded.ThumbnailSignal;
import com.bizcharts.sentiment.scoring.ActiveModel;
import com.bizcharts.sentiment.scoring.BatchScorer;
import com.bizcharts.sentiment.scoring.ScoringService;
import com.bizcharts.sentiment.scoring.BoardMoodSignal;
import com.bizcharts.sentiment.scoring.ModelLoader;
import com.bizcharts.sentiment.scoring.ModelRegistry;
import com.bizcharts.sentiment.scoring.PredictionRepository;
import com.bizcharts.store.Database;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.PriceRepository;
import com.bizcharts.store.labels.LabelTransfer;
import com.bizcharts.store.retention.Maintenance;
import com.bizcharts.store.retention.RetentionPolicy;
import com.bizcharts.store.ThreadRepository;

import com.bizcharts.learn.teacher.ApiKeys;
import com.bizcharts.remote.PodLauncher;
import com.bizcharts.remote.PulledModels;
import com.bizcharts.remote.RemoteRun;
import com.bizcharts.remote.RemoteInference;
import com.bizcharts.remote.RemoteTraining;
import com.bizcharts.remote.RemoteTrainingJob;
import com.bizcharts.remote.RunPodClient;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The composition root: builds the engine once, from settings, for the GUI and the CLI alike. Parts are wired by
 * constructor and kept here; commands and view-models get them through six feature services ({@link Collecting},
 * {@link Labelling}, {@link Scoring}, {@link Analysis}, {@link Training}, {@link Remote}). Nothing is a static singleton.
 */
public final class Engine implements AutoCloseable {

    private final Settings settings;
    private final Database database;
    private final ThreadRepository threads;
    private final LabelRepository labels;
    private final LabelTransfer labelTransfer;
    private final Clock clock = Clock.systemUTC();
    private final DriftWatch driftWatch;
    private final GoldenSet goldenSet;
    private final TeacherLabelRepository teacherLabels;
    private final SentimentSignals signals;
    private final ModelRegistry models;
    private final PredictionRepository predictions;
    private final ModelLoader modelLoader;
    private final CoinMentionRepository coinMentions;
    private final PoliteHttp fourchanHttp;
    private final CatalogPoller catalogPoller;
    private final LiveScraper liveScraper;
    private final RemoteTraining remoteTraining;
    private final PodLauncher podLauncher;
    private final PriceRepository prices;
    private final RemoteInference remoteInference;
    private final ApiKeys secrets;
    private final ActiveModel activeModel;
    private final ScoringService scoring;
    private final Collecting collectingFeature = new Collecting(this);
    private final Labelling labellingFeature = new Labelling(this);
    private final Scoring scoringFeature = new Scoring(this);
    private final Analysis analysisFeature = new Analysis(this);
    private final Training trainingFeature = new Training(this);
    private final Remote remoteFeature = new Remote(this);
    private ImageText imageText;
    private PriceSync priceSync;

    public Engine(Settings settings) {
        this(settings, ApiKeys.system());
    }

    /** @param secrets where keys and the SSH passphrase come from (the environment and keyring, or a test's own) */
    public Engine(Settings settings, ApiKeys secrets) {
        this.settings = settings;
        this.secrets = secrets;
        this.database = Database.open(settings.paths().databasePath());
        this.threads = new ThreadRepository(database);
        this.labels = new LabelRepository(database);
        this.driftWatch = new DriftWatch(database, clock);
        this.goldenSet = new GoldenSet(database, clock);
        this.teacherLabels = new TeacherLabelRepository(database);
        this.signals = signalsWithStore(settings, database);
        this.models = new ModelRegistry(database, clock);
        this.predictions = new PredictionRepository(database);
        this.modelLoader = new ModelLoader(settings.paths().activeModelPath(), signals);
        this.activeModel = new ActiveModel(models, modelLoader);
        var sc = settings.scoring();
        this.scoring = new ScoringService(predictions, activeModel, new BatchScorer(predictions, imagesDir(), clock), imagesDir(),
                database::dataVersion, sc.batch(), sc.threadsOrDefault(), sc.checkInterval());
        // Whatever stores posts (live poll, Warosu page, label import, a thumbnail arriving) hands them to the scorer.
        database.postChanges().subscribe(scoring::submit);
        this.prices = new PriceRepository(database);
        this.coinMentions = new CoinMentionRepository(new CoinExtractor(CoinList.load(settings.coins().listPath())));
        this.labelTransfer = new LabelTransfer(database, threads, labels, coinMentions::record);
        var fc = settings.fourchan();
        // One pace for the API and the image host together: 4chan's rule is one request per second in all.
        this.fourchanHttp = new PoliteHttp(RequestPacer.realTime(fc.minRequestInterval()), backoff(), fc.requestTimeout(), fc.userAgent());
        this.catalogPoller = new CatalogPoller(fourchanHttp, fc.apiUri(), fc.imagesUri(), fc.board(), database, threads,
                new ThumbnailStore(fourchanHttp, imagesDir()), coinMentions::recordAndSummarise, clock,
                fc.downloadThumbnails() ? 50 : 0);
        this.liveScraper = new LiveScraper(catalogPoller, fc.pollInterval(), clock);
        var remote = settings.remote();
        this.remoteTraining = new RemoteTraining(database, remote, imagesDir(), settings.paths().modelsPath().resolve("remote"),
                secrets, clock);
        this.podLauncher = new PodLauncher(() -> new RunPodClient(URI.create(remote.runpodBaseUrl()),
                secrets.find(RunPodClient.KEY).orElse(null), Duration.ofSeconds(30), settings.security().keyTransport()),
                remote, remoteTraining.runs(), clock, d -> Thread.sleep(d.toMillis()));
        this.remoteInference = new RemoteInference(remoteTraining.runs(), remote, secrets);
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
    private SentimentSignals signalsWithStore(Settings settings, Database db) {
        SentimentSignals base = signals(settings);
        var s = settings.signals();
        List<SignalSource> further = new ArrayList<>();
        if (s.repost()) {
            further.add(new RepostSignal(new LabeledImageIndex(db, imagesDir()), s.repostMaxDistance(), s.repostNeighbours()));
        }
        if (s.ocr()) further.add(OcrSignal.stored(db, base.lexicon()));
        if (s.context()) further.add(BoardMoodSignal.stored(db, Duration.ofHours(s.contextHours()), s.contextMinPosts()));
        further.addAll(base.further());
        return base.withFurther(further);
    }

    SentimentSignals signals() { return signals; }

    /** OCR, built on first use because probing Tesseract costs ~100 ms that most commands never need. */
    synchronized ImageText imageText() {
        if (imageText == null) imageText = new ImageText(settings.ocr().datapathPath(), settings.ocr().language());
        return imageText;
    }

    ModelRegistry models() { return models; }

    PredictionRepository predictions() { return predictions; }

    ModelLoader modelLoader() { return modelLoader; }

    /** The one model that scores, observable; activations from any process reach it (see {@link #startServices}). */
    ActiveModel activeModel() { return activeModel; }

    /** The background scoring service; runs once {@link #startServices} (or its own start) was called. */
    ScoringService scoringService() { return scoring; }

    /**
     * Starts the embedded background services the window and the long-running commands use: the scoring service
     * and the watch on the active model (another process's activation is seen within the check interval).
     */
    public void startServices() {
        activeModel.watch(settings.scoring().checkInterval());
        scoring.start();
    }


    public Settings settings() { return settings; }

    /** What collects and keeps the board: the live scraper, Warosu imports, the posts stored, retention and coverage. */
    public Collecting collecting() { return collectingFeature; }

    /** What the labeler works with: the queue, the labels and their files, progress and the coins of a post. */
    public Labelling labelling() { return labellingFeature; }

    /** What scores posts: the one active model, the background scoring service, the registry and the predictions. */
    public Scoring scoring() { return scoringFeature; }

    /** What reads sentiment and prices: the Fear/Greed and coin analysis and the price store and sync. */
    public Analysis analysis() { return analysisFeature; }

    /** What learns: training, evaluation, the guarded retrain, drift, the golden set, teacher labels, active learning. */
    public Training training() { return trainingFeature; }

    /** What trains on a GPU machine: remote runs, pods, the training job, serving as a teacher, judging pulled models. */
    public Remote remote() { return remoteFeature; }


    /** Which posts each commit stored or changed (the label queue takes new posts in from here). */
    com.bizcharts.store.PostChanges postChanges() { return database.postChanges(); }

    /** What the store covers, per source and day (the Collect view's chart, {@code coverage}). */
    com.bizcharts.store.Coverage coverage() { return com.bizcharts.store.Coverage.of(database); }

    /** Posts, runs and disk use over the last {@code days} ({@code stats}). */
    com.bizcharts.store.StoreStats storeStats(int days) { return com.bizcharts.store.StoreStats.of(database, imagesDir(), days); }

    com.bizcharts.store.labels.LabelStats labelStats() { return com.bizcharts.store.labels.LabelStats.of(database); }

    /** A labeler's progress now (today, total, per class, the last hour). */
    com.bizcharts.store.labels.LabelProgress labelProgress(String labelerId) {
        return com.bizcharts.store.labels.LabelProgress.of(database, labelerId, clock.instant());
    }

    /** The coins a post mentions, each once. */
    List<String> coinsOf(long threadId) {
        return coinMentions.ofThread(database.read(), threadId).stream().map(com.bizcharts.coins.CoinMention::symbol).distinct().toList();
    }

    /** The database's labeled posts as training data ({@code train} without {@code --data}). */
    com.bizcharts.learn.train.TrainingSet trainingSetFromDatabase() {
        return com.bizcharts.learn.train.TrainingSet.fromDatabase(database, imagesDir());
    }

    /** OCR of the thumbnails not read yet ({@code ocr}). */
    com.bizcharts.sentiment.ocr.ImageTextPass imageTextPass() {
        return new com.bizcharts.sentiment.ocr.ImageTextPass(database, imagesDir(), imageText(), coinMentions.extractor(), clock);
    }

    /** A teacher run over the database's unlabeled posts ({@code autolabel}). */
    com.bizcharts.learn.teacher.AutolabelRun autolabelRun(com.bizcharts.learn.teacher.TeacherClient client,
                                                                 com.bizcharts.learn.teacher.TeacherLabelRepository.TeacherKey key) {
        return new com.bizcharts.learn.teacher.AutolabelRun(database, teacherLabels, client, key, imagesDir(), clock);
    }

    /**
     * Stores OPs with their coin mentions in one transaction, as an importer does (benchmarks seed their stores
     * with it); the posts are announced to the scoring service.
     */
    com.bizcharts.store.ThreadRepository.UpsertCounts storePosts(List<com.bizcharts.store.ThreadOp> ops, java.time.Instant seenAt) {
        return database.write(ctx -> {
            var counts = threads.upsert(ctx, ops, seenAt);
            coinMentions.record(ctx, ops);
            return counts;
        });
    }

    /** Sentiment and prices of a range, for the dashboard and {@code index leadlag|backtest} alike. */
    com.bizcharts.index.MarketAnalysis marketAnalysis() { return new com.bizcharts.index.MarketAnalysis(database, prices); }

    /** The live poller itself, for {@code bench catalog} (parse and store without the network). */
    CatalogPoller catalogPoller() { return catalogPoller; }

    /**
     * The database itself, for tests and the store's own benchmarks; commands and view-models go through the feature
     * services above ({@code ArchitectureTest} keeps cli and ui off it).
     */
    public Database database() { return database; }

    ThreadRepository threads() { return threads; }

    LabelRepository labels() { return labels; }

    LabelTransfer labelTransfer() { return labelTransfer; }

    Clock clock() { return clock; }

    DriftWatch driftWatch() { return driftWatch; }

    GoldenSet goldenSet() { return goldenSet; }

    ActiveLearningQueue activeLearningQueue() {
        var l = settings.learning();
        return new ActiveLearningQueue(database, imagesDir(), new HybridAcquisition(l.uncertaintyWeight(), l.clusters(), 17));
    }

    /** The label view's queue; "by the model's need" ranks with the active model (newest first if that fails). */
    com.bizcharts.store.labels.LabelQueue labelQueue() {
        return new com.bizcharts.store.labels.LabelQueue(database, threads, ids -> {
            var posts = threads.findAll(ids).stream().map(op -> com.bizcharts.sentiment.PostInput.of(op, imagesDir())).toList();
            var model = activeModel.get().model();
            return activeLearningQueue().rank(model, posts).stream().map(s -> s.post().threadId()).toList();
        });
    }

    GuardedRetrain guardedRetrain() {
        return new GuardedRetrain(database, imagesDir(), settings.paths().modelsPath(), signals, models, modelLoader, goldenSet, clock);
    }

    /** Trains a new embedded model from the database's labels and registers it (the workstation's "Train new model"). */
    ModelTrainer modelTrainer() {
        return new ModelTrainer(database, imagesDir(), settings.paths().modelsPath(), signals, models, clock);
    }

    ModelEvaluations modelEvaluations() {
        return new ModelEvaluations(models, modelLoader, database, imagesDir());
    }

    /** Judges registered models trained elsewhere (pulled students) on the golden set, as the guarded retrain does. */
    CandidateEvaluation candidateEvaluation() {
        return new CandidateEvaluation(database, imagesDir(), models, modelLoader, goldenSet, clock);
    }

    /** Judges what a pulled run produced (its student) behind the promotion gate: the CLI's and the GUI's one way. */
    List<PulledModels.Judged> judgePulled(RemoteRun run) {
        return new PulledModels(database, clock).judge(run, candidateEvaluation());
    }

    TeacherLabelRepository teacherLabels() { return teacherLabels; }

    Backoff backoff() {
        var b = settings.backoff();
        return new Backoff(b.initial(), b.max(), b.maxAttempts());
    }

    LiveScraper liveScraper() { return liveScraper; }

    RemoteTraining remoteTraining() { return remoteTraining; }

    PodLauncher podLauncher() { return podLauncher; }

    /** The remote-training flow (launch, start, follow, pull, judge, release) as one job, for {@code remote train} and the Models view. */
    RemoteTrainingJob remoteTrainingJob() {
        return new RemoteTrainingJob(remoteTraining, podLauncher, candidateEvaluation(), settings.remote(), clock);
    }

    RemoteInference remoteInference() { return remoteInference; }

    /** A Warosu importer with its own pace (Warosu asks for gentler use than 4chan: one request per 2 s). */
    WarosuImporter warosuImporter() {
        var w = settings.warosu();
        PoliteHttp http = new PoliteHttp(RequestPacer.realTime(w.minRequestInterval()), backoff(), w.requestTimeout(),
                settings.fourchan().userAgent());
        return new WarosuImporter(http, w.baseUri(), w.imagesUri(), w.board(), w.pageSize(), database, threads,
                new ThumbnailStore(http, imagesDir()), coinMentions::record, clock);
    }

    CoinMentionRepository coinMentions() { return coinMentions; }

    PriceRepository prices() { return prices; }

    PriceIds priceIds() { return PriceIds.load(settings.prices().idsPath()); }

    /**
     * The price sync, built on first use: each provider gets its own pace (its free tier's per-minute limit) and the
     * shared backoff; keys are looked up when a call needs them, never stored.
     */
    synchronized PriceSync priceSync() {
        if (priceSync == null) {
            var p = settings.prices();
            var keys = secrets;
            var transport = settings.security().keyTransport();
            List<PriceProvider> providers = List.of(
                    new BinanceProvider(priceHttp(p.binance()), p.binance().baseUri(), clock),
                    new CoinGeckoProvider(priceHttp(p.coingecko()), p.coingecko().baseUri(), () -> keys.find("COINGECKO_API_KEY"),
                            clock, transport),
                    new CoinMarketCapProvider(priceHttp(p.coinmarketcap()), p.coinmarketcap().baseUri(),
                            () -> keys.find(CoinMarketCapProvider.KEY), clock, transport));
            Map<String, Integer> budgets = new HashMap<>();
            for (PriceProvider provider : providers) budgets.put(provider.name(), p.provider(provider.name()).monthlyBudget());
            priceSync = new PriceSync(providers, p.order(), priceIds(), prices, new ProviderBudget(prices, budgets, clock), clock);
        }
        return priceSync;
    }

    private PoliteHttp priceHttp(PriceSettings.Provider provider) {
        return new PoliteHttp(RequestPacer.realTime(provider.minRequestInterval()), backoff(), settings.prices().requestTimeout(),
                settings.fourchan().userAgent());
    }

    Maintenance maintenance() { return new Maintenance(database, imagesDir(), clock); }

    RetentionPolicy retentionPolicy() {
        var r = settings.retention();
        return new RetentionPolicy(java.time.Duration.ofDays(r.fullHtmlDays()), java.time.Duration.ofDays(r.threadMetadataDays()),
                java.time.Duration.ofDays(r.snapshotsFullDays()), java.time.Duration.ofDays(r.snapshotsHourlyDays()),
                r.keepThreadsWithReplies(), java.time.Duration.ofDays(r.thumbnailsMaxAgeDays()),
                r.thumbnailsMaxMegabytes() * 1024L * 1024L);
    }

    Path imagesDir() { return settings.paths().imagesPath(); }

    @Override
    public void close() {
        scoring.close();
        activeModel.close();
        try {
            liveScraper.stop(java.time.Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        signals.close();
        modelLoader.close();
        database.close();
        if (signals.encoders() instanceof BundledEncoders e) e.close();
    }
}
