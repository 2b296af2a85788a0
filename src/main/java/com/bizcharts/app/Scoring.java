package com.bizcharts.app;

import com.bizcharts.coins.CoinExtractor;
import com.bizcharts.sentiment.embedded.SentimentSignals;
import com.bizcharts.sentiment.hub.ModelFetch;
import com.bizcharts.sentiment.ocr.ImageText;
import com.bizcharts.sentiment.ocr.ImageTextPass;
import com.bizcharts.sentiment.scoring.ActiveModel;
import com.bizcharts.sentiment.scoring.ModelLoader;
import com.bizcharts.sentiment.scoring.ModelRegistry;
import com.bizcharts.sentiment.scoring.PredictionRepository;
import com.bizcharts.sentiment.scoring.ScoringService;
import com.bizcharts.store.Database;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What scores posts: the one active model, the background scoring service, the registry, the predictions and OCR.
 * A feature service built by the {@link Engine}; commands and view-models take it, not the engine's parts.
 */
public final class Scoring {

    private final ActiveModel activeModel;
    private final ScoringService service;
    private final ModelRegistry models;
    private final PredictionRepository predictions;
    private final ModelLoader modelLoader;
    private final SentimentSignals signals;
    private final Settings.OcrSettings ocr;
    private final Database database;
    private final Path imagesDir;
    private final CoinExtractor coins;
    private final Clock clock;
    private final ModelFetch modelFetch;
    private ImageText imageText;

    Scoring(ActiveModel activeModel, ScoringService service, ModelRegistry models, PredictionRepository predictions,
            ModelLoader modelLoader, SentimentSignals signals, Settings.OcrSettings ocr, Database database, Path imagesDir,
            CoinExtractor coins, Clock clock, ModelFetch modelFetch) {
        this.activeModel = activeModel;
        this.service = service;
        this.models = models;
        this.predictions = predictions;
        this.modelLoader = modelLoader;
        this.signals = signals;
        this.ocr = ocr;
        this.database = database;
        this.imagesDir = imagesDir;
        this.coins = coins;
        this.clock = clock;
        this.modelFetch = modelFetch;
    }

    /** The one model that scores, observable; activations from any process reach it once the services started. */
    public ActiveModel activeModel() { return activeModel; }

    /** The background scoring service; runs once {@link Engine#startServices} (or its own start) was called. */
    public ScoringService service() { return service; }

    public ModelRegistry models() { return models; }

    public PredictionRepository predictions() { return predictions; }

    public ModelLoader modelLoader() { return modelLoader; }

    public SentimentSignals signals() { return signals; }

    /** Fetches a model of the catalog from the Hugging Face Hub into the models folder and registers it ({@code models fetch}). */
    public ModelFetch modelFetch() { return modelFetch; }

    /** OCR with the {@code [ocr]} engine, built on first use: loading it costs 0.1-1 s that most commands never need. */
    public synchronized ImageText imageText() {
        if (imageText == null) imageText = ImageText.of(ocr.engine(), ocr.datapathPath(), ocr.language());
        return imageText;
    }

    /** OCR of the thumbnails not read yet ({@code ocr}). */
    public ImageTextPass imageTextPass() { return new ImageTextPass(database, imagesDir, imageText(), coins, clock); }
}
