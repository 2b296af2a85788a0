package com.bizcharts.sentiment.embedded;

import com.bizcharts.app.Engine;
import com.bizcharts.app.Settings;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.Prediction;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped model loads from the clone and from the jar's resources, without ../shared, and agrees with itself. */
class DefaultModelTest {

    final SentimentSignals signals = Engine.signals(Settings.defaults());

    @Test
    void theBundledCopyIsTheCommittedModel() {
        EmbeddedModel fromClone = EmbeddedModelFormat.load(ModelFiles.directory(Path.of("models", "default")),
                signals.lexicon(), signals.images(), signals.encoders());
        EmbeddedModel fromJar = EmbeddedModelFormat.load(ModelFiles.bundled(ModelFiles.BUNDLED_DEFAULT),
                signals.lexicon(), signals.images(), signals.encoders());
        assertThat(fromJar.id()).isEqualTo(fromClone.id()).startsWith("embedded-");
        PostInput post = PostInput.ofText("we're so back", "wagmi, btc to 200k");
        assertThat(fromJar.predict(post).probabilities()).containsExactly(fromClone.predict(post).probabilities());
        assertThat(fromClone.metadata().metrics()).isNotNull();
        assertThat(fromClone.metadata().metrics().get("macro_f1").asDouble()).isGreaterThanOrEqualTo(0.60);
        assertThat(fromClone.metadata().command()).startsWith("bizcharts train --data");
    }

    @Test
    void itReadsObviousPostsTheObviousWay() {
        EmbeddedModel m = EmbeddedModelFormat.load(ModelFiles.bundled(ModelFiles.BUNDLED_DEFAULT), signals.lexicon(), signals.images(), signals.encoders());
        Prediction bull = m.predict(PostInput.ofText("WAGMI", "we're so back, moon mission, lfg"));
        Prediction bear = m.predict(PostInput.ofText("", "crash incoming, rekt, it's over"));
        assertThat(bull.score()).isGreaterThan(bear.score());
        assertThat(bear.label().word()).isEqualTo("bearish");
    }
}
