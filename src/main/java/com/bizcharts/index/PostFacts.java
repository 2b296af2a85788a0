package com.bizcharts.index;

import java.util.ArrayList;
import java.util.List;

/**
 * One post while its rows are gathered from the store, and the point-in-time rules that turn them into what the
 * index sees: a label counts only if given before the post's bucket ended, engagement only as observed before then.
 */
final class PostFacts {

    final long id, postedAt, bucketEnd;
    final int bucket;
    private boolean scored;
    private double pBear, pNeutral, pBull, confidence, sarcasm;
    private int rating;
    private long labeledAt;
    private long firstReplies = -1, lastReplies = -1;
    private List<String> coins = List.of();

    /** @param origin a bucket boundary, bucket 0's start; times in epoch seconds */
    PostFacts(long id, long postedAt, long bucketLength, long origin) {
        this.id = id;
        this.postedAt = postedAt;
        this.bucket = (int) ((postedAt - origin) / bucketLength);
        this.bucketEnd = origin + (bucket + 1L) * bucketLength;
    }

    /** Whether the model has scored the post. */
    boolean scored() {
        return scored;
    }

    void predicted(double bear, double neutral, double bull, double confidence, double sarcasm) {
        scored = true;
        pBear = bear;
        pNeutral = neutral;
        pBull = bull;
        this.confidence = confidence;
        this.sarcasm = sarcasm;
    }

    /** Labels arrive oldest first: the latest stays, whether or not it was given in time. */
    void labeled(int rating, long at) {
        this.rating = rating;
        labeledAt = at;
    }

    /** Observations arrive oldest first; only those before the bucket ended count. */
    void observed(long at, long replies) {
        if (at >= bucketEnd) return;
        if (firstReplies < 0) firstReplies = replies;
        lastReplies = replies;
    }

    /** Mentions arrive by symbol; one coin named in the subject and in the text counts once. */
    void mentions(String coin) {
        if (coins.isEmpty()) coins = new ArrayList<>(2);
        else if (coins.get(coins.size() - 1).equals(coin)) return;
        coins.add(coin);
    }

    /** What the index sees, or null when neither a prediction nor a label given in time is there. */
    PostSignal signal() {
        int replies = lastReplies < 0 ? 0 : (int) lastReplies;
        int growth = lastReplies < 0 ? 0 : (int) (lastReplies - firstReplies);
        String[] c = coins.toArray(String[]::new);
        if (rating != 0 && labeledAt < bucketEnd) {
            return new PostSignal(postedAt, rating == 1 ? 1 : 0, rating == 2 ? 1 : 0, rating == 3 ? 1 : 0, 1, 0, replies, growth, c, id, true);
        }
        return scored ? new PostSignal(postedAt, pBear, pNeutral, pBull, confidence, sarcasm, replies, growth, c, id, false) : null;
    }

    /** Walks posts sorted by thread number alongside rows that come in the same order. */
    static final class Walk {
        private final PostFacts[] byId;
        private int at;

        Walk(PostFacts[] byId) {
            this.byId = byId;
        }

        /** The post numbered {@code id}, or null when the span has none (a thread of another day in the range). */
        PostFacts to(long id) {
            while (at < byId.length && byId[at].id < id) at++;
            return at < byId.length && byId[at].id == id ? byId[at] : null;
        }
    }
}
