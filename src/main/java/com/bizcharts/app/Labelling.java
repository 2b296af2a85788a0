package com.bizcharts.app;

import com.bizcharts.coins.CoinMentionRepository;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.labels.LabelTransfer;
import java.time.Clock;
import java.util.List;

/**
 * What the labeler works with: the queue, the labels and their files, progress and the coins of a post. A feature
 * service of the engine: commands and view-models take it, not the engine's parts.
 */
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
