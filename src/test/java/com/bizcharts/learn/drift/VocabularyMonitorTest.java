package com.bizcharts.learn.drift;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VocabularyMonitorTest {

    private final VocabularyMonitor monitor = new VocabularyMonitor(List.of(
            "bitcoin is going to the moon", "it's over, sell everything", "link marines hold the line"));

    @Test
    void familiarPostsDoNotDrift() {
        VocabularyReport r = monitor.examine(List.of("bitcoin to the moon", "sell everything, it's over"));
        assertThat(r.unknownTokens()).isZero();
        assertThat(r.drifted()).isFalse();
    }

    @Test
    void aNewMemeCoinPassesTheThresholdAndIsNamed() {
        List<String> recent = Collections.nCopies(5, "buy $pengu pengu is the moon");
        VocabularyReport r = monitor.examine(recent);
        // 6 tokens per post: "buy", "$pengu", "pengu" unknown; "is", "the", "moon" known.
        assertThat(r.tokens()).isEqualTo(30);
        assertThat(r.unknownShare()).isCloseTo(0.5, within(1e-9));
        assertThat(r.drifted()).isTrue();
        assertThat(r.newTerms()).extracting(VocabularyReport.Term::term).containsExactly("$pengu", "buy", "pengu");
        assertThat(r.newTerms().get(0).count()).isEqualTo(5);
    }

    @Test
    void rareUnknownWordsAreNotListedAsTerms() {
        VocabularyReport r = monitor.examine(List.of("bitcoin zzyzx moon"));
        assertThat(r.unknownTokens()).isEqualTo(1);
        assertThat(r.newTerms()).isEmpty();
    }

    @Test
    void anEmptyBatchHasNoShare() {
        VocabularyReport r = monitor.examine(List.of());
        assertThat(r.unknownShare()).isZero();
        assertThat(r.drifted()).isFalse();
    }
}
