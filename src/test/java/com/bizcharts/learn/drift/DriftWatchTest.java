package com.bizcharts.learn.drift;

import com.bizcharts.learn.LearnFixtures;
import com.bizcharts.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DriftWatchTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aModelThatStartsFailingOnNewLabelsRaisesOneErrorRateEvent(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("b.db"))) {
            Random rnd = new Random(1);
            // 600 labels the model mostly got right, then 600 it mostly got wrong.
            for (int i = 0; i < 1200; i++) {
                long id = 1000 + i;
                Instant at = T0.plusSeconds(60L * i);
                LearnFixtures.post(db, id, "", "bitcoin moon", null, at);
                boolean wrong = rnd.nextDouble() < (i < 600 ? 0.1 : 0.7);
                int human = 1 + (i % 3);
                int predicted = wrong ? 1 + ((human) % 3) : human;
                LearnFixtures.prediction(db, id, "m1", predicted, at);
                LearnFixtures.label(db, id, human, at.plusSeconds(30));
            }
            Clock clock = Clock.fixed(T0.plus(Duration.ofDays(2)), ZoneOffset.UTC);
            DriftWatch watch = new DriftWatch(db, clock);
            DriftWatch.Report report = watch.check("m1", Duration.ofDays(7));
            assertThat(report.comparedLabels()).isEqualTo(1200);
            assertThat(report.errorDrift()).isPresent();
            assertThat(report.errorDrift().get().detectedAtLabel()).isBetween(600, 800);
            assertThat(report.errorDrift().get().errorRateBefore()).isLessThan(0.3);
            assertThat(report.errorDrift().get().errorRateNow()).isGreaterThan(0.6);
            assertThat(report.retrainSuggested()).isTrue();
            assertThat(watch.events(false)).extracting(DriftEvent::kind).containsExactly("error-rate");

            watch.check("m1", Duration.ofDays(7)); // the same stream again records nothing new
            assertThat(watch.events(false)).hasSize(1);
            assertThat(watch.acknowledge(watch.events(false).get(0).id())).isTrue();
            assertThat(watch.events(false)).isEmpty();
            assertThat(watch.events(true)).hasSize(1);
        }
    }

    @Test
    void newWordsInRecentPostsRaiseAVocabularyEvent(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("b.db"))) {
            LearnFixtures.post(db, 1, "", "bitcoin to the moon", null, T0);
            LearnFixtures.label(db, 1, 3, T0);
            for (int i = 0; i < 5; i++) {
                LearnFixtures.post(db, 10 + i, "", "pengu pengu airdrop farming szn", null, T0.plus(Duration.ofDays(3)));
            }
            DriftWatch watch = new DriftWatch(db, Clock.fixed(T0.plus(Duration.ofDays(4)), ZoneOffset.UTC));
            DriftWatch.Report report = watch.check("none", Duration.ofDays(7));
            assertThat(report.comparedLabels()).isZero();
            assertThat(report.vocabulary().drifted()).isTrue();
            assertThat(report.vocabulary().newTerms().get(0).term()).isEqualTo("pengu");
            assertThat(watch.events(false)).singleElement()
                    .satisfies(e -> assertThat(e.detailJson()).contains("\"term\":\"pengu\"", "\"count\":10"));
        }
    }
}
