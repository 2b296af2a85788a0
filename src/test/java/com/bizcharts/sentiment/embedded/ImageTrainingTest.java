package com.bizcharts.sentiment.embedded;

import com.bizcharts.sentiment.lexicon.LexiconReading;
import com.bizcharts.learn.train.EmbeddedTrainer;
import com.bizcharts.learn.train.LabeledPost;
import com.bizcharts.sentiment.ImageStatus;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.Prediction;
import com.bizcharts.store.labels.SentimentLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** With enough labeled thumbnails the model learns an image classifier and the fusion weights from them. */
class ImageTrainingTest {

    @TempDir
    Path dir;

    static final Color[] BY_LABEL = {new Color(220, 30, 30), new Color(128, 128, 128), new Color(30, 200, 50)};
    static final String[] TEXTS = {"look at this chart anon", "thoughts on this?", "what do you make of it",
            "anyone else seeing this", "explain this to me"};

    Path thumbnail(String name, Color base, Random r) throws Exception {
        BufferedImage img = new BufferedImage(100, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(base);
        g.fillRect(0, 0, 100, 80);
        g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
        g.fillRect(r.nextInt(60), r.nextInt(50), 25, 20);
        g.dispose();
        Path f = dir.resolve(name);
        ImageIO.write(img, "png", f.toFile());
        return f;
    }

    @Test
    void labeledThumbnailsTrainTheImageSignalAndTheFusionWeights() throws Exception {
        Random r = new Random(3);
        List<LabeledPost> posts = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            int label = i % 3;
            Path img = thumbnail("t" + i + ".png", BY_LABEL[label], r);
            posts.add(new LabeledPost(new PostInput(i, "", TEXTS[i % TEXTS.length] + " " + i, img, 0, null),
                    SentimentLabel.ofIndex(label)));
        }
        EmbeddedModel model = new EmbeddedTrainer(t -> LexiconReading.NONE, new ThumbnailSignal()).train(posts,
                EmbeddedTrainer.Options.standard(), new EmbeddedTrainer.Provenance("images", "x", "test", Instant.EPOCH));
        assertThat(model.imageClassifier()).isNotNull();
        assertThat(model.metadata().training().withImages()).isEqualTo(150);
        assertThat(model.metadata().fusionSource()).startsWith("learned on 150");
        assertThat(model.metadata().fusion().image()).isGreaterThan(model.metadata().fusion().text());

        Path green = thumbnail("new-green.png", BY_LABEL[2], r);
        Prediction p = model.predict(new PostInput(1000, "", "look at this chart anon", green, 0, null));
        assertThat(p.imageStatus()).isEqualTo(ImageStatus.USED);
        assertThat(p.label()).isEqualTo(SentimentLabel.BULLISH);
        assertThat(p.drivers()).anyMatch(d -> d.startsWith("image:+"));

        Path saved = dir.resolve("model");
        EmbeddedModelFormat.save(model, saved);
        assertThat(saved.resolve("image-model.bin")).exists();
        EmbeddedModel loaded = EmbeddedModelFormat.load(ModelFiles.directory(saved), t -> LexiconReading.NONE,
                path -> ImageReading.absent(ImageStatus.MISSING));
        PostInput again = new PostInput(1000, "", "look at this chart anon", green, 0, null);
        assertThat(loaded.predict(again).probabilities()).containsExactly(model.predict(again).probabilities());

        Files.delete(green);
        assertThat(loaded.predict(again).imageStatus()).isEqualTo(ImageStatus.MISSING);
    }
}
