package com.bizcharts.sentiment.lexicon;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** VADER's own published examples (vaderSentiment README), reproduced with VADER's lexicon alone. */
class VaderTest {

    private static final Vader VADER = new Vader(LexiconFiles.vader());

    static Stream<Arguments> published() {
        return Stream.of(
                Arguments.of("VADER is smart, handsome, and funny.", 0.0, 0.254, 0.746, 0.8316),
                Arguments.of("VADER is smart, handsome, and funny!", 0.0, 0.248, 0.752, 0.8439),
                Arguments.of("VADER is very smart, handsome, and funny.", 0.0, 0.299, 0.701, 0.8545),
                Arguments.of("VADER is VERY SMART, handsome, and FUNNY.", 0.0, 0.246, 0.754, 0.9227),
                Arguments.of("VADER is VERY SMART, handsome, and FUNNY!!!", 0.0, 0.233, 0.767, 0.9342),
                Arguments.of("VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!", 0.0, 0.294, 0.706, 0.9469),
                Arguments.of("VADER is not smart, handsome, nor funny.", 0.646, 0.354, 0.0, -0.7424),
                Arguments.of("The book was good.", 0.0, 0.508, 0.492, 0.4404),
                Arguments.of("At least it isn't a horrible book.", 0.0, 0.678, 0.322, 0.431),
                Arguments.of("The book was only kind of good.", 0.0, 0.697, 0.303, 0.3832),
                Arguments.of("The plot was good, but the characters are uncompelling and the dialog is not great.", 0.327, 0.579, 0.094, -0.7042),
                Arguments.of("Today SUX!", 0.779, 0.221, 0.0, -0.5461),
                Arguments.of("Today only kinda sux! But I'll get by, lol", 0.127, 0.556, 0.317, 0.5249),
                Arguments.of("Make sure you :) or :D today!", 0.0, 0.294, 0.706, 0.8633),
                Arguments.of("Not bad at all", 0.0, 0.513, 0.487, 0.431));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("published")
    void reproducesThePublishedScores(String text, double neg, double neu, double pos, double compound) {
        VaderScores s = VADER.score(text);
        assertThat(s.compound()).as("compound").isCloseTo(compound, within(1e-4));
        assertThat(s.neg()).as("neg").isCloseTo(neg, within(1e-3));
        assertThat(s.neu()).as("neu").isCloseTo(neu, within(1e-3));
        assertThat(s.pos()).as("pos").isCloseTo(pos, within(1e-3));
    }
}
