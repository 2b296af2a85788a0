package com.bizcharts.store.labels;

import com.bizcharts.store.Database;
import com.bizcharts.store.Label;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import com.bizcharts.store.UtcTime;
import org.jooq.DSLContext;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static com.bizcharts.store.schema.Tables.TRAINING_LABELS;

/**
 * Labels in and out of the store, for {@code labels import/export} and the workstation's menu. An import is one
 * transaction: all of a file or none of it. An existing label is never changed by an import; a disagreeing one
 * is reported as a conflict instead.
 */
public final class LabelTransfer {

    /**
     * What an import did. {@code rows} is the file's rows; the other counts are of distinct posts, each counted once
     * however often the file rates it.
     *
     * @param repeated one line per thread the file rates more than once ("thread 5: rated 2 times in the file")
     */
    public record ImportResult(int rows, int newPosts, int newLabels, int unchanged, List<String> conflicts,
                               List<String> repeated) {}

    private final Database db;
    private final ThreadRepository threads;
    private final LabelRepository labels;
    private final java.util.function.BiConsumer<DSLContext, List<ThreadOp>> afterUpsert;

    /** @param afterUpsert work on the imported posts inside the import's transaction (coin mentions) */
    public LabelTransfer(Database db, ThreadRepository threads, LabelRepository labels,
                         java.util.function.BiConsumer<DSLContext, List<ThreadOp>> afterUpsert) {
        this.db = db;
        this.threads = threads;
        this.labels = labels;
        this.afterUpsert = afterUpsert;
    }

    public LabelTransfer(Database db, ThreadRepository threads, LabelRepository labels) {
        this(db, threads, labels, (ctx, ops) -> {});
    }

    public ImportResult importRows(List<LabelFileRow> rows, String labelerId, Instant now) {
        if (labelerId == null || labelerId.isBlank()) throw new IllegalArgumentException("labeler id is required");
        // the first row of a thread is the one that counts, for its post as for its label
        Map<Long, LabelFileRow> first = new LinkedHashMap<>();
        Map<Long, List<Integer>> ratings = new LinkedHashMap<>();
        // a reviewer's decision comes back as one, under its reviewer, beside the labels it decided between
        List<LabelFileRow> decisions = new ArrayList<>();
        for (LabelFileRow row : rows) {
            if (Boolean.TRUE.equals(row.adjudicated())) {
                if (row.labeler() == null || !row.labeler().startsWith("review:")) {
                    throw new IllegalArgumentException("thread " + row.threadId() + ": an adjudicated row needs its reviewer as"
                            + " labeler (review:<id>), got " + (row.labeler() == null ? "none" : "'" + row.labeler() + "'"));
                }
                decisions.add(row);
                continue;
            }
            first.putIfAbsent(row.threadId(), row);
            ratings.computeIfAbsent(row.threadId(), id -> new ArrayList<>()).add(row.rating());
        }
        List<String> repeated = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        ratings.forEach((id, rs) -> {
            if (rs.size() == 1) return;
            repeated.add("thread " + id + ": rated " + rs.size() + " times in the file");
            if (rs.stream().distinct().count() > 1) conflicts.add("thread " + id + ": the file rates it "
                    + rs.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")) + "; kept " + rs.getFirst());
        });
        return db.write(ctx -> {
            List<ThreadOp> ops = first.values().stream().map(LabelTransfer::toThreadOp).toList();
            ThreadRepository.UpsertCounts counts = threads.upsert(ctx, ops, now);
            afterUpsert.accept(ctx, ops);
            int same = 0;
            List<String> stored = new ArrayList<>(conflicts);
            Map<Long, Label> existing = labels.findAll(ctx, labelerId, first.keySet());
            List<Label> fresh = new ArrayList<>();
            for (LabelFileRow row : first.values()) {
                Label had = existing.get(row.threadId());
                if (had == null) {
                    Label label = Label.rated(row.threadId(), row.rating(), labelerId, now, row.text(), row.imageUrl());
                    fresh.add(row.leadTimeSeconds() == null ? label : label.withLeadTime(Math.round(row.leadTimeSeconds() * 1000)));
                } else if (!had.skipped() && had.rating() == row.rating()) {
                    same++;
                } else {
                    stored.add("thread " + row.threadId() + ": stored " + (had.skipped() ? "skip" : "rating " + had.rating())
                            + " kept, file says " + row.rating());
                }
            }
            labels.saveAll(ctx, fresh);
            for (LabelFileRow d : decisions) {
                if (!first.containsKey(d.threadId())) {
                    ThreadOp op = toThreadOp(d);
                    threads.upsert(ctx, List.of(op), now);
                    afterUpsert.accept(ctx, List.of(op));
                }
                Label decision = new Label(d.threadId(), d.rating(), false, d.labeler(), now, null, d.text(), d.imageUrl(),
                        d.leadTimeSeconds() == null ? null : Math.round(d.leadTimeSeconds() * 1000), true);
                labels.save(ctx, decision);
            }
            int added = fresh.size() + decisions.size();
            return new ImportResult(rows.size(), counts.inserted(), added, same, List.copyOf(stored), List.copyOf(repeated));
        });
    }

    /** Rated labels (skips excluded) in the order they were given; all labelers unless one is named. */
    public List<LabelFileRow> exportRows(String labelerId) {
        var q = db.read().select(TRAINING_LABELS.THREAD_ID, THREAD_OPS.BOARD, THREAD_OPS.SUBJECT,
                        TRAINING_LABELS.TEXT_SNAPSHOT, THREAD_OPS.OP_TEXT_CLEAN, THREAD_OPS.POSTED_AT,
                        TRAINING_LABELS.IMAGE_URL_SNAPSHOT, THREAD_OPS.IMAGE_URL, TRAINING_LABELS.RATING,
                        TRAINING_LABELS.LEAD_TIME_MS, TRAINING_LABELS.ADJUDICATED, TRAINING_LABELS.LABELER_ID)
                .from(TRAINING_LABELS).join(THREAD_OPS).on(THREAD_OPS.THREAD_ID.eq(TRAINING_LABELS.THREAD_ID))
                .where(TRAINING_LABELS.SKIPPED.eq(0L));
        if (labelerId != null) q = q.and(TRAINING_LABELS.LABELER_ID.eq(labelerId));
        return q.orderBy(TRAINING_LABELS.ID).fetch(r -> {
            int rating = r.value9().intValue();
            String text = r.value4() != null ? r.value4() : r.value5();
            String image = r.value7() != null ? r.value7() : r.value8();
            boolean adjudicated = r.value11() != null && r.value11() == 1L;
            // the originals and a reviewer's decision both go out; only the decision says so, and by whom
            return new LabelFileRow(r.value1(), r.value2(), r.value3() == null ? "" : r.value3(), text,
                    LabelFileFields.ARCHIVE_TIME.format(UtcTime.parse(r.value6()).atOffset(ZoneOffset.UTC)), image, rating,
                    com.bizcharts.store.labels.SentimentLabel.ofRating(rating).word(),
                    r.value10() == null ? null : r.value10() / 1000.0, adjudicated ? Boolean.TRUE : null, adjudicated ? r.value12() : null);
        });
    }

    static ThreadOp toThreadOp(LabelFileRow row) {
        Instant posted = LocalDateTime.parse(row.postedAt(), LabelFileFields.ARCHIVE_TIME).toInstant(ZoneOffset.UTC);
        ThreadOp.ImageFile file = row.imageUrl() == null ? null : new ThreadOp.ImageFile(null, extension(row.imageUrl()),
                null, null, null, null, null, null, false, row.imageUrl(), null);
        return new ThreadOp(row.threadId(), row.board(), row.subject().isEmpty() ? null : row.subject(), null,
                row.text(), null, null, posted, 0, file == null ? 0 : 1, file, null, false, false, ThreadOp.Source.IMPORT);
    }

    static String extension(String url) {
        try {
            String path = URI.create(url).getPath();
            int dot = path == null ? -1 : path.lastIndexOf('.');
            return dot < 0 ? null : path.substring(dot).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
