package com.bizcharts.cli;

import com.bizcharts.index.MarketAnalysis;
import com.bizcharts.store.ThreadRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code index} and {@code coins} say about their range before the numbers, so an empty or half-scored range
 * is not read as a calm market: that it holds no posts (and which range does), or how many of its posts the model
 * has yet to score.
 */
final class RangeNote {

    private RangeNote() {}

    static Optional<String> about(MarketAnalysis.Sentiment s, ThreadRepository threads, LocalDate first, LocalDate last) {
        String range = first + ".." + last;
        if (s.stored() == 0) {
            return Optional.of("no posts " + range + "; " + threads.postingSpan()
                    .map(span -> "data spans " + day(span.first()) + ".." + day(span.last()))
                    .orElse("the store holds no posts yet: collect with 'bizcharts live' or 'bizcharts warosu'"));
        }
        if (s.unscored() > 0) {
            return Optional.of(String.format(Locale.ROOT, "%,d of %,d posts in %s are not yet scored by %s: run 'bizcharts score'",
                    s.unscored(), s.stored(), range, s.modelId()));
        }
        return Optional.empty();
    }

    private static LocalDate day(Instant t) {
        return t.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
