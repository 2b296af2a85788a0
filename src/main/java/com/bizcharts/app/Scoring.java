package com.bizcharts.app;

import com.bizcharts.sentiment.SentimentSignals;
import com.bizcharts.sentiment.ocr.ImageText;
import com.bizcharts.sentiment.scoring.ActiveModel;
import com.bizcharts.sentiment.scoring.ScoringService;
import com.bizcharts.sentiment.scoring.ModelLoader;
import com.bizcharts.sentiment.scoring.ModelRegistry;
import com.bizcharts.sentiment.scoring.PredictionRepository;

/**
 * What scores posts: the one active model, the background scoring service, the registry and the predictions. A
 * feature service of the engine: commands and view-models take it, not the engine's parts.
 */
public final class Scoring {

    private final Engine engine;

    Scoring(Engine engine) {
        this.engine = engine;
    }

    public ActiveModel activeModel() { return engine.activeModel(); }

    public ScoringService service() { return engine.scoringService(); }

    public ModelRegistry models() { return engine.models(); }

    public PredictionRepository predictions() { return engine.predictions(); }

    public ModelLoader modelLoader() { return engine.modelLoader(); }

    public SentimentSignals signals() { return engine.signals(); }

    public ImageText imageText() { return engine.imageText(); }

    public com.bizcharts.sentiment.ocr.ImageTextPass imageTextPass() { return engine.imageTextPass(); }

}
