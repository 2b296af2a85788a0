package com.bizcharts.ui.label;

import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.labels.QueueFilter;
import com.bizcharts.ui.common.ViewState;

import java.time.LocalDate;
import java.util.Optional;

/** The label queue's filters and order as the window remembers them between runs. */
public final class FilterMemory {

    private static final String PREFIX = "label.filter.";

    private FilterMemory() {}

    public static void save(ViewState state, QueueFilter f) {
        state.put(PREFIX + "source", f.source() == null ? null : f.source().dbValue());
        state.put(PREFIX + "from", f.from());
        state.put(PREFIX + "to", f.to());
        state.put(PREFIX + "minReplies", f.minReplies());
        state.put(PREFIX + "coin", f.coin());
        state.put(PREFIX + "unlabeledOnly", f.unlabeledOnly());
        state.put(PREFIX + "order", f.order());
    }

    /** The filters last applied, or everything; a value that no longer parses falls back to its default alone. */
    public static QueueFilter restore(ViewState state) {
        QueueFilter d = QueueFilter.everything();
        ThreadOp.Source source = attempt(() -> state.get(PREFIX + "source").map(ThreadOp.Source::fromDb)).orElse(d.source());
        LocalDate from = attempt(() -> state.get(PREFIX + "from").map(LocalDate::parse)).orElse(d.from());
        LocalDate to = attempt(() -> state.get(PREFIX + "to").map(LocalDate::parse)).orElse(d.to());
        int minReplies = (int) Math.max(0, state.number(PREFIX + "minReplies", d.minReplies()));
        String coin = state.get(PREFIX + "coin").orElse(d.coin());
        boolean unlabeled = state.flag(PREFIX + "unlabeledOnly", d.unlabeledOnly());
        QueueFilter.Order order = attempt(() -> state.get(PREFIX + "order").map(QueueFilter.Order::valueOf)).orElse(d.order());
        return new QueueFilter(source, from, to, minReplies, coin, unlabeled, order);
    }

    private static <T> Optional<T> attempt(java.util.function.Supplier<Optional<T>> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
