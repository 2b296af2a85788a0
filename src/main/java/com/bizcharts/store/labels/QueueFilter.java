package com.bizcharts.store.labels;

import com.bizcharts.store.ThreadOp;

import java.time.LocalDate;

/**
 * What the label view shows: posts of one source (or all), in a date range, with at least some replies, about one
 * coin, and by default only those this labeler has not rated or skipped yet.
 */
public record QueueFilter(ThreadOp.Source source, LocalDate from, LocalDate to, int minReplies, String coin,
                          boolean unlabeledOnly, Order order) {

    /**
     * NEWEST first, RANDOM, by the MODEL_NEED (active learning), or REVIEW: posts labelers disagree on (or a human and
     * the teacher), not yet adjudicated; a rating given in this order is the adjudication.
     */
    public enum Order { NEWEST, RANDOM, MODEL_NEED, REVIEW }

    public static QueueFilter everything() {
        return new QueueFilter(null, null, null, 0, null, true, Order.NEWEST);
    }

    public QueueFilter withSource(ThreadOp.Source s) { return new QueueFilter(s, from, to, minReplies, coin, unlabeledOnly, order); }

    public QueueFilter withDates(LocalDate f, LocalDate t) { return new QueueFilter(source, f, t, minReplies, coin, unlabeledOnly, order); }

    public QueueFilter withMinReplies(int m) { return new QueueFilter(source, from, to, m, coin, unlabeledOnly, order); }

    public QueueFilter withCoin(String c) { return new QueueFilter(source, from, to, minReplies, c, unlabeledOnly, order); }

    public QueueFilter withUnlabeledOnly(boolean u) { return new QueueFilter(source, from, to, minReplies, coin, u, order); }

    public QueueFilter withOrder(Order o) { return new QueueFilter(source, from, to, minReplies, coin, unlabeledOnly, o); }
}
