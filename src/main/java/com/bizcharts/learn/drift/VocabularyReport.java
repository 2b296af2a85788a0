package com.bizcharts.learn.drift;

import java.util.List;

/**
 * What the vocabulary monitor saw in a batch of recent posts.
 *
 * @param drifted whether the unknown share passed the threshold
 * @param newTerms the most frequent unknown terms, most frequent first
 */
public record VocabularyReport(long tokens, long unknownTokens, double unknownShare, double threshold,
                               boolean drifted, List<Term> newTerms) {

    public record Term(String term, int count) {}
}
