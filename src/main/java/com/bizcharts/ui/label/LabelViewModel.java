package com.bizcharts.ui.label;

import com.bizcharts.store.labels.SentimentLabel;
import com.bizcharts.store.Label;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.labels.LabelProgress;
import com.bizcharts.store.labels.QueueFilter;
import com.bizcharts.ui.common.UiExecutors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * The label view's state and commands, with no controls: a queue of thread ids from the filter, the post on
 * screen, and the keyboard commands. A rating is handed to the single writer at once (durable when it commits)
 * and the next post is shown from the prefetch cache without waiting for the write. Undo reverts exactly the last
 * write: the previous rating is restored, or the new label deleted.
 */
public final class LabelViewModel {

    /** Loads everything shown of one post; runs on the background executor. */
    public interface CardLoader extends LongFunction<PostCard> {}

    /** {@code before} is filled by the writer before any later writer task (the undo itself) can run. */
    /** What a keypress wrote: which row (a review writes under the reviewer's review id) and what it replaced. */
    private record Undo(long threadId, String labelerId, java.util.concurrent.atomic.AtomicReference<Optional<Label>> before) {}

    private final com.bizcharts.store.labels.LabelQueue queue;
    private final LabelRepository labels;
    private final CardLoader loader;
    private final java.util.function.Supplier<LabelProgress> progressQuery;
    private final String labelerId;
    private final UiExecutors ex;
    private final Clock clock;
    private final java.util.function.LongSupplier nanos = System::nanoTime;
    private long shownAt = System.nanoTime(); // FX thread: when the current card appeared
    private boolean reviewing; // FX thread: the queue was read in the review order, so ratings adjudicate
    private final int prefetch;

    private final ObjectProperty<PostCard> current = new SimpleObjectProperty<>();
    private final ObjectProperty<QueueFilter> filter = new SimpleObjectProperty<>(QueueFilter.everything());
    private final BooleanProperty showPrediction = new SimpleBooleanProperty(false);
    private final BooleanProperty guidelinesShown = new SimpleBooleanProperty(false);
    private final ObjectProperty<java.nio.file.Path> fullImage = new SimpleObjectProperty<>();
    private final BooleanProperty revealed = new SimpleBooleanProperty(false);
    private java.util.function.Function<ThreadOp, java.nio.file.Path> fullImages = op -> {
        throw new IllegalStateException("full images are not available here");
    };
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<LabelProgress> progress = new SimpleObjectProperty<>();
    private final IntegerProperty remaining = new SimpleIntegerProperty();

    private final List<Long> ids = new ArrayList<>();
    private int position;
    private final Deque<Undo> undo = new ArrayDeque<>();
    private final Map<Long, PostCard> cache = new ConcurrentHashMap<>();
    private long generation;
    private volatile long modelGeneration;

    public LabelViewModel(com.bizcharts.store.labels.LabelQueue queue, LabelRepository labels, CardLoader loader,
                          java.util.function.Supplier<LabelProgress> progressQuery, String labelerId, boolean showPredictions,
                          UiExecutors ex, Clock clock, int prefetch) {
        this.queue = queue;
        this.labels = labels;
        this.loader = loader;
        this.progressQuery = progressQuery;
        this.labelerId = labelerId;
        this.ex = ex;
        this.clock = clock;
        this.prefetch = Math.max(1, prefetch);
        this.showPrediction.set(showPredictions);
        // the lead time counts from the moment a post is on screen
        current.addListener((o, was, now) -> {
            if (now != null && (was == null || was.threadId() != now.threadId())) shownAt = nanos.getAsLong();
            if (now == null || was == null || was.threadId() != now.threadId()) {
                fullImage.set(null); // each post opens on its thumbnail
                revealed.set(false); // and a flagged one blurred
            }
        });
    }

    public ReadOnlyObjectProperty<PostCard> currentProperty() { return current; }

    public ObjectProperty<QueueFilter> filterProperty() { return filter; }

    public BooleanProperty showPredictionProperty() { return showPrediction; }

    /** Whether the current post's flagged (NSFW) thumbnail is shown unblurred (V); each post starts blurred. */
    public BooleanProperty revealedProperty() { return revealed; }

    /** The current post's full image on disk while F shows it, else null (the thumbnail shows). */
    public ReadOnlyObjectProperty<java.nio.file.Path> fullImageProperty() { return fullImage; }

    /** Where F gets a post's full image from (fetched off the FX thread). */
    public void setFullImages(java.util.function.Function<ThreadOp, java.nio.file.Path> source) { fullImages = source; }

    /** F: the full image of the post on screen instead of its thumbnail, or back. */
    public void toggleFullImage() {
        PostCard card = current.get();
        if (card == null) return;
        if (fullImage.get() != null) {
            fullImage.set(null);
            return;
        }
        long id = card.threadId();
        status.set("fetching the full image of " + id + "…");
        ex.background().execute(() -> {
            try {
                java.nio.file.Path p = fullImages.apply(card.post());
                ex.fx().execute(() -> {
                    if (current.get() != null && current.get().threadId() == id) {
                        fullImage.set(p);
                        status.set("full image of " + id + " (F: back to the thumbnail)");
                    }
                });
            } catch (RuntimeException e) {
                ex.fx().execute(() -> status.set(e.getMessage()));
            }
        });
    }

    /** Whether the labeling guidelines panel is open (H). */
    public BooleanProperty guidelinesShownProperty() { return guidelinesShown; }

    public ReadOnlyStringProperty statusProperty() { return status; }

    public ReadOnlyObjectProperty<LabelProgress> progressProperty() { return progress; }

    public ReadOnlyIntegerProperty remainingProperty() { return remaining; }

    public String labelerId() { return labelerId; }

    /** Re-reads the queue for the current filter and shows its first post. */
    public void reload() {
        QueueFilter f = filter.get();
        long gen = ++generation;
        status.set("loading…");
        ex.background().execute(() -> {
            List<Long> found;
            try {
                found = queue.ids(f, labelerId, 5_000, clock.millis());
            } catch (RuntimeException e) {
                ex.fx().execute(() -> {
                    if (gen == generation) status.set("could not read the queue: " + e.getMessage());
                });
                return;
            }
            ex.fx().execute(() -> {
                if (gen != generation) return;
                // ratings adjudicate only in a queue read in the review order, never in one handed in (labelThese)
                reviewing = f.order() == QueueFilter.Order.REVIEW;
                ids.clear();
                ids.addAll(found);
                cache.clear();
                position = 0;
                status.set(found.isEmpty() ? "nothing to label with these filters" : "");
                show();
            });
        });
        refreshProgress();
    }

    /**
     * Makes these posts the queue, in their order (the dashboard's "label the posts behind this spike"), until the
     * filters are applied again; the undo history stays.
     */
    public void labelThese(List<Long> threadIds, String why) {
        generation++;
        reviewing = false;
        ids.clear();
        ids.addAll(threadIds);
        cache.clear();
        position = 0;
        status.set(threadIds.size() + " posts " + why + "; Apply the filters to return to the queue");
        show();
    }

    /**
     * Takes in posts stored since the queue was read (the live scraper, an import), without moving off the current
     * card or losing the undo history: those of them that pass the filter and are new to the queue join right after
     * the current card in "newest" order (new posts are the newest), else at the end; nothing is re-ranked.
     */
    public void takeInNewPosts(java.util.Collection<Long> stored) {
        if (stored.isEmpty()) return;
        QueueFilter f = filter.get();
        long gen = generation;
        List<Long> candidates = List.copyOf(stored);
        ex.background().execute(() -> {
            List<Long> found = queue.matching(f, labelerId, candidates);
            ex.fx().execute(() -> {
                if (gen != generation) return; // a reload is on its way with everything
                java.util.Set<Long> known = new java.util.HashSet<>(ids);
                List<Long> fresh = found.stream().filter(id -> !known.contains(id)).toList();
                if (fresh.isEmpty()) return;
                boolean wasDone = position >= ids.size();
                int at = f.order() == QueueFilter.Order.NEWEST ? Math.min(ids.size(), position + (current.get() == null ? 0 : 1)) : ids.size();
                ids.addAll(at, fresh);
                status.set(fresh.size() + " new post" + (fresh.size() == 1 ? "" : "s") + " in the queue");
                if (wasDone || current.get() == null) show();
                else {
                    remaining.set(Math.max(0, ids.size() - position));
                    prefetchAfter(position);
                }
            });
        });
    }

    /** The active model changed: cached cards carry the old model's guess, so they are read again. */
    public void modelChanged() {
        modelGeneration++;
        cache.clear();
        if (current.get() != null) {
            long id = current.get().threadId();
            ex.background().execute(() -> {
                PostCard card = loader.apply(id);
                cache.put(id, card);
                ex.fx().execute(() -> {
                    if (current.get() != null && current.get().threadId() == id) current.set(card);
                });
            });
        }
        prefetchAfter(position);
    }

    public void perform(LabelAction action) {
        switch (action) {
            case BEARISH -> rate(SentimentLabel.BEARISH);
            case NEUTRAL -> rate(SentimentLabel.NEUTRAL);
            case BULLISH -> rate(SentimentLabel.BULLISH);
            case SKIP -> skip();
            case UNDO -> undo();
            case NEXT -> move(1);
            case PREVIOUS -> move(-1);
            case TOGGLE_PREDICTION -> showPrediction.set(!showPrediction.get());
            case GUIDELINES -> guidelinesShown.set(!guidelinesShown.get());
            case FULL_IMAGE -> toggleFullImage();
            case REVEAL -> revealed.set(!revealed.get());
            case NOTE -> { } // the view opens the note dialog and calls note(...)
        }
    }

    /**
     * Rates the post on screen, with how long it was shown (lead time); in the review order the rating is the
     * reviewer's adjudication, kept beside the labels it decides between.
     */
    public void rate(SentimentLabel label) {
        PostCard card = current.get();
        if (card == null) return;
        Label rated = Label.rated(card.threadId(), label.rating(), labelerId, clock.instant(), card.post().fullText(),
                card.post().file() == null ? null : card.post().file().imageUrl()).withLeadTime(leadTimeMs());
        write(reviewing ? rated.asAdjudication() : rated, reviewing ? label.word() + " (adjudicated)" : label.word());
    }

    public void skip() {
        PostCard card = current.get();
        if (card == null) return;
        if (reviewing) {
            // passing on a dispute decides nothing: the reviewer's own rating (if any) must stay as it was
            status.set(card.threadId() + " left for another reviewer");
            move(1);
            return;
        }
        write(Label.skip(card.threadId(), labelerId, clock.instant()), "skipped");
    }

    /** Adds a note to this labeler's label on the current post (rating it neutral-free: the note waits for a rating). */
    public void note(String text) {
        PostCard card = current.get();
        if (card == null || text == null) return;
        long id = card.threadId();
        String who = reviewing ? Label.reviewerId(labelerId) : labelerId;
        ex.writer().execute(() -> {
            try {
                var l = labels.find(id, who);
                if (l.isEmpty()) {
                    ex.fx().execute(() -> status.set("rate " + id + " first: a note is kept with a label"));
                    return;
                }
                Label had = l.get();
                labels.save(new Label(had.threadId(), had.rating(), had.skipped(), had.labelerId(), had.labeledAt(), text.strip(),
                        had.textSnapshot(), had.imageUrlSnapshot(), had.leadTimeMs(), had.adjudicated()));
                ex.fx().execute(() -> status.set("note saved on " + id));
            } catch (RuntimeException e) {
                ex.fx().execute(() -> status.set("note NOT saved on " + id + ": " + e.getMessage()));
            }
        });
    }

    public void undo() {
        Undo last = undo.pollFirst();
        if (last == null) {
            status.set("nothing to undo");
            return;
        }
        ex.writer().execute(() -> {
            try {
                Optional<Label> before = last.before().get();
                if (before != null && before.isPresent()) labels.save(before.get());
                else labels.delete(last.threadId(), last.labelerId());
            } catch (RuntimeException e) {
                ex.fx().execute(() -> status.set("undo of " + last.threadId() + " NOT saved: " + e.getMessage()));
            }
            refreshProgress();
        });
        int at = ids.indexOf(last.threadId());
        if (at < 0) {
            ids.add(position, last.threadId());
            at = position;
        }
        position = at;
        cache.remove(last.threadId());
        status.set("undid " + last.threadId());
        show();
    }

    private void write(Label label, String what) {
        long id = label.threadId();
        // Read what was there before on the writer too, so undo restores exactly the state this write replaced.
        var before = new java.util.concurrent.atomic.AtomicReference<Optional<Label>>();
        undo.push(new Undo(id, label.labelerId(), before));
        Undo entry = undo.peekFirst();
        ex.writer().execute(() -> {
            try {
                before.set(labels.find(id, label.labelerId()));
                labels.save(label);
            } catch (RuntimeException e) {
                // said at once and taken off the undo history: the label view never claims a rating it did not keep
                ex.fx().execute(() -> {
                    undo.remove(entry);
                    status.set(id + " NOT saved (" + e.getMessage() + "): rate it again when the store can be written");
                });
            }
            refreshProgress();
        });
        status.set(id + " " + what);
        move(1);
    }

    /**
     * Milliseconds the current card has been on screen (at least 1: a decision always takes some time); null past
     * {@link #LEAD_TIME_CAP}, when the labeler was surely away (lunch, another tab) rather than reading.
     */
    private Long leadTimeMs() {
        long ms = Math.max(1, (nanos.getAsLong() - shownAt) / 1_000_000);
        return ms > LEAD_TIME_CAP.toMillis() ? null : ms;
    }

    static final java.time.Duration LEAD_TIME_CAP = java.time.Duration.ofMinutes(10);

    /** The labeler looked away (another tab, another window): the lead time restarts when they come back. */
    public void lookedAway() {
        shownAt = nanos.getAsLong();
    }

    private void move(int delta) {
        if (ids.isEmpty()) return;
        position = Math.max(0, Math.min(ids.size(), position + delta));
        show();
    }

    private void show() {
        remaining.set(Math.max(0, ids.size() - position));
        if (position >= ids.size()) {
            current.set(null);
            if (!ids.isEmpty()) status.set("queue done: change the filters or reload for more");
            return;
        }
        long id = ids.get(position);
        PostCard cached = cache.get(id);
        if (cached != null) {
            current.set(cached);
        } else {
            long gen = generation, model = modelGeneration;
            ex.background().execute(() -> {
                PostCard card = loader.apply(id);
                if (model == modelGeneration) cache.put(id, card);
                ex.fx().execute(() -> {
                    if (gen == generation && position < ids.size() && ids.get(position) == id) current.set(card);
                });
            });
        }
        prefetchAfter(position);
    }

    private void prefetchAfter(int from) {
        for (int k = from + 1; k <= Math.min(ids.size() - 1, from + prefetch); k++) {
            long id = ids.get(k);
            if (cache.containsKey(id)) continue;
            long model = modelGeneration;
            ex.background().execute(() -> {
                PostCard card = loader.apply(id);
                if (model == modelGeneration) cache.putIfAbsent(id, card); // not an old model's guess after a switch
            });
        }
    }

    private void refreshProgress() {
        ex.background().execute(() -> {
            LabelProgress p = progressQuery.get();
            ex.fx().execute(() -> progress.set(p));
        });
    }
}
