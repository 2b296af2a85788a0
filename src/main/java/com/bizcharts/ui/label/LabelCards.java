package com.bizcharts.ui.label;

import com.bizcharts.app.Engine;
import com.bizcharts.coins.CoinMention;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.Prediction;
import com.bizcharts.sentiment.SentimentModel;
import com.bizcharts.store.ThreadOp;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** Loads a {@link PostCard} from the engine: the post, its coins, its thumbnail, the model's verdict. */
public final class LabelCards implements LabelViewModel.CardLoader {

    private final Engine engine;
    private final String labelerId;
    private final Supplier<SentimentModel> model;

    public LabelCards(Engine engine, String labelerId, Supplier<SentimentModel> model) {
        this.engine = engine;
        this.labelerId = labelerId;
        this.model = model;
    }

    @Override
    public PostCard apply(long threadId) {
        ThreadOp op = engine.labelling().labelQueue().post(threadId);
        List<String> coins = engine.labelling().coinsOf(threadId);
        PostInput input = PostInput.of(op, engine.collecting().imagesDir());
        Path image = input.image();
        Prediction p = null;
        try {
            SentimentModel m = model.get();
            if (m != null) p = m.predict(input);
        } catch (RuntimeException e) {
            p = null; // no model, no verdict: the label view still works
        }
        Integer existing = engine.labelling().labels().find(threadId, labelerId).map(l -> l.rating()).orElse(null);
        Double nsfw = image == null ? null : engine.labelling().nsfwFlag(op).filter(f -> f.flagged()).map(f -> f.nsfw()).orElse(null);
        return new PostCard(op, coins, image, p, existing, nsfw);
    }
}
