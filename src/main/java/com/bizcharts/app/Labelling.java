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

/** What the labeler works with: the queue, the labels and their files, progress and the coins of a post. A feature service of the engine: commands and view-models take it, not the engine's parts. */
public final class Labelling {

    private final Engine engine;

    Labelling(Engine engine) {
        this.engine = engine;
    }

    public LabelRepository labels() { return engine.labels(); }

    public com.bizcharts.store.labels.LabelQueue labelQueue() { return engine.labelQueue(); }

    public LabelTransfer labelTransfer() { return engine.labelTransfer(); }

    public com.bizcharts.store.labels.LabelStats labelStats() { return engine.labelStats(); }

    public com.bizcharts.store.labels.LabelProgress labelProgress(String labelerId) { return engine.labelProgress(labelerId); }

    public List<String> coinsOf(long threadId) { return engine.coinsOf(threadId); }

    public CoinMentionRepository coinMentions() { return engine.coinMentions(); }
    /** The clock its records are stamped with (UTC). */
    public Clock clock() { return engine.clock(); }
}
