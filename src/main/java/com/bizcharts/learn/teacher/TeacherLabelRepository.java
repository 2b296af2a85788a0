package com.bizcharts.learn.teacher;

import com.bizcharts.store.labels.SentimentLabel;
import com.bizcharts.store.Database;
import com.bizcharts.store.UtcTime;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.bizcharts.store.schema.Tables.AUTOLABEL_RUNS;
import static com.bizcharts.store.schema.Tables.TEACHER_FAILURES;
import static com.bizcharts.store.schema.Tables.TEACHER_LABELS;
import static com.bizcharts.store.schema.Tables.THREAD_OPS;
import static com.bizcharts.store.schema.Tables.TRAINING_LABELS;

/** Teacher labels and failures, stored apart from human labels, and the checkpoints of autolabel runs. */
public final class TeacherLabelRepository {

    /** Identifies one teacher: the same model with another prompt is another teacher. */
    public record TeacherKey(TeacherProvider provider, String model, String promptVersion) {}

    /** A post waiting for the teacher. */
    public record PendingPost(long threadId, String subject, String text, String thumbnailPath) {}

    public record StoredLabel(long threadId, SentimentLabel label, double confidence, boolean sarcasm) {}

    private final Database db;

    public TeacherLabelRepository(Database db) {
        this.db = db;
    }

    /** Posts the teacher has neither labeled nor failed on, in thread order, after {@code afterThreadId}. */
    public List<PendingPost> pending(TeacherKey key, long afterThreadId, int limit) {
        var labeled = db.read().select(TEACHER_LABELS.THREAD_ID).from(TEACHER_LABELS).where(matches(key));
        var failed = db.read().select(TEACHER_FAILURES.THREAD_ID).from(TEACHER_FAILURES)
                .where(TEACHER_FAILURES.PROVIDER.eq(key.provider().id()))
                .and(TEACHER_FAILURES.MODEL.eq(key.model()))
                .and(TEACHER_FAILURES.PROMPT_VERSION.eq(key.promptVersion()));
        return db.read().select(THREAD_OPS.THREAD_ID, THREAD_OPS.SUBJECT, THREAD_OPS.OP_TEXT_CLEAN, THREAD_OPS.THUMBNAIL_PATH)
                .from(THREAD_OPS)
                .where(THREAD_OPS.THREAD_ID.gt(afterThreadId))
                .and(THREAD_OPS.THREAD_ID.notIn(labeled))
                .and(THREAD_OPS.THREAD_ID.notIn(failed))
                .orderBy(THREAD_OPS.THREAD_ID)
                .limit(limit)
                .fetch(r -> new PendingPost(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    public int countPending(TeacherKey key) {
        return pending(key, Long.MIN_VALUE, Integer.MAX_VALUE).size();
    }

    void saveLabel(DSLContext ctx, TeacherKey key, String runId, long threadId, TeacherVerdict v, boolean imageSent,
                   TeacherReply reply, Instant at) {
        ctx.insertInto(TEACHER_LABELS)
                .set(TEACHER_LABELS.THREAD_ID, threadId)
                .set(TEACHER_LABELS.PROVIDER, key.provider().id())
                .set(TEACHER_LABELS.MODEL, key.model())
                .set(TEACHER_LABELS.PROMPT_VERSION, key.promptVersion())
                .set(TEACHER_LABELS.RATING, (long) v.label().rating())
                .set(TEACHER_LABELS.CONFIDENCE, v.confidence())
                .set(TEACHER_LABELS.SARCASM, v.sarcasm() ? 1L : 0L)
                .set(TEACHER_LABELS.RATIONALE, v.rationale())
                .set(TEACHER_LABELS.IMAGE_SENT, imageSent ? 1L : 0L)
                .set(TEACHER_LABELS.INPUT_TOKENS, reply.inputTokens())
                .set(TEACHER_LABELS.OUTPUT_TOKENS, reply.outputTokens())
                .set(TEACHER_LABELS.RUN_ID, runId)
                .set(TEACHER_LABELS.LABELED_AT, UtcTime.format(at))
                .onConflictDoNothing()
                .execute();
    }

    void saveFailure(DSLContext ctx, TeacherKey key, String runId, long threadId, String kind, String detail,
                     int attempts, Instant at) {
        ctx.insertInto(TEACHER_FAILURES)
                .set(TEACHER_FAILURES.THREAD_ID, threadId)
                .set(TEACHER_FAILURES.PROVIDER, key.provider().id())
                .set(TEACHER_FAILURES.MODEL, key.model())
                .set(TEACHER_FAILURES.PROMPT_VERSION, key.promptVersion())
                .set(TEACHER_FAILURES.KIND, kind)
                .set(TEACHER_FAILURES.DETAIL, detail)
                .set(TEACHER_FAILURES.ATTEMPTS, (long) attempts)
                .set(TEACHER_FAILURES.RUN_ID, runId)
                .set(TEACHER_FAILURES.FAILED_AT, UtcTime.format(at))
                .onConflict(TEACHER_FAILURES.THREAD_ID, TEACHER_FAILURES.PROVIDER, TEACHER_FAILURES.MODEL,
                        TEACHER_FAILURES.PROMPT_VERSION).doUpdate()
                .set(TEACHER_FAILURES.ATTEMPTS, TEACHER_FAILURES.ATTEMPTS.plus((long) attempts))
                .set(TEACHER_FAILURES.DETAIL, detail)
                .set(TEACHER_FAILURES.FAILED_AT, UtcTime.format(at))
                .execute();
    }

    /** Forgets recorded failures so that a new run tries those posts again. */
    public int clearFailures(TeacherKey key) {
        return db.write(ctx -> ctx.deleteFrom(TEACHER_FAILURES)
                .where(TEACHER_FAILURES.PROVIDER.eq(key.provider().id()))
                .and(TEACHER_FAILURES.MODEL.eq(key.model()))
                .and(TEACHER_FAILURES.PROMPT_VERSION.eq(key.promptVersion())).execute());
    }

    void startRun(DSLContext ctx, String runId, TeacherKey key, Instant at) {
        ctx.insertInto(AUTOLABEL_RUNS)
                .set(AUTOLABEL_RUNS.RUN_ID, runId)
                .set(AUTOLABEL_RUNS.PROVIDER, key.provider().id())
                .set(AUTOLABEL_RUNS.MODEL, key.model())
                .set(AUTOLABEL_RUNS.PROMPT_VERSION, key.promptVersion())
                .set(AUTOLABEL_RUNS.STARTED_AT, UtcTime.format(at))
                .onConflictDoNothing()
                .execute();
    }

    void checkpoint(DSLContext ctx, String runId, Long lastThreadId, int labeled, int failed, long in, long out,
                    Instant at, boolean finished) {
        ctx.update(AUTOLABEL_RUNS)
                .set(AUTOLABEL_RUNS.LAST_THREAD_ID, lastThreadId == null ? AUTOLABEL_RUNS.LAST_THREAD_ID : org.jooq.impl.DSL.val(lastThreadId))
                .set(AUTOLABEL_RUNS.LABELED, AUTOLABEL_RUNS.LABELED.plus((long) labeled))
                .set(AUTOLABEL_RUNS.FAILED, AUTOLABEL_RUNS.FAILED.plus((long) failed))
                .set(AUTOLABEL_RUNS.INPUT_TOKENS, AUTOLABEL_RUNS.INPUT_TOKENS.plus(in))
                .set(AUTOLABEL_RUNS.OUTPUT_TOKENS, AUTOLABEL_RUNS.OUTPUT_TOKENS.plus(out))
                .set(AUTOLABEL_RUNS.CHECKPOINT_AT, UtcTime.format(at))
                .set(AUTOLABEL_RUNS.FINISHED_AT, finished ? UtcTime.format(at) : null)
                .where(AUTOLABEL_RUNS.RUN_ID.eq(runId))
                .execute();
    }

    /** The newest unfinished run of this teacher, which {@code --resume} continues. */
    public Optional<Record> lastUnfinishedRun(TeacherKey key) {
        return db.read().selectFrom(AUTOLABEL_RUNS)
                .where(AUTOLABEL_RUNS.PROVIDER.eq(key.provider().id()))
                .and(AUTOLABEL_RUNS.MODEL.eq(key.model()))
                .and(AUTOLABEL_RUNS.PROMPT_VERSION.eq(key.promptVersion()))
                .and(AUTOLABEL_RUNS.FINISHED_AT.isNull())
                .orderBy(AUTOLABEL_RUNS.STARTED_AT.desc())
                .limit(1)
                .fetchOptional().map(r -> (Record) r);
    }

    public List<StoredLabel> labels(TeacherKey key) {
        return db.read().selectFrom(TEACHER_LABELS).where(matches(key)).orderBy(TEACHER_LABELS.THREAD_ID)
                .fetch(r -> new StoredLabel(r.getThreadId(), SentimentLabel.ofRating(r.getRating().intValue()),
                        r.getConfidence(), r.getSarcasm() == 1L));
    }

    /** One teacher's label on a post, with which teacher gave it and when. */
    public record ConfidentLabel(long threadId, SentimentLabel label, double confidence, String provider, String model,
                                 Instant labeledAt) {}

    /**
     * Every teacher label at or above {@code minConfidence}, by thread, each thread's most confident first (the first
     * given, on a tie): a post's first row is the verdict that trains.
     */
    public List<ConfidentLabel> confidentLabels(double minConfidence) {
        return db.read().selectFrom(TEACHER_LABELS).where(TEACHER_LABELS.CONFIDENCE.ge(minConfidence))
                .orderBy(TEACHER_LABELS.THREAD_ID, TEACHER_LABELS.CONFIDENCE.desc(), TEACHER_LABELS.ID)
                .fetch(r -> new ConfidentLabel(r.getThreadId(), SentimentLabel.ofRating(r.getRating().intValue()),
                        r.getConfidence(), r.getProvider(), r.getModel(), UtcTime.parse(r.getLabeledAt())));
    }

    /** Every teacher that has labels, for the report. */
    public List<TeacherKey> teachers() {
        return db.read().selectDistinct(TEACHER_LABELS.PROVIDER, TEACHER_LABELS.MODEL, TEACHER_LABELS.PROMPT_VERSION)
                .from(TEACHER_LABELS).orderBy(TEACHER_LABELS.PROVIDER, TEACHER_LABELS.MODEL)
                .fetch(r -> new TeacherKey(TeacherProvider.of(r.value1()), r.value2(), r.value3()));
    }

    /** The teacher's verdict next to every human rating of the same post (skips excluded). */
    public AgreementReport agreement(TeacherKey key) {
        List<AgreementReport.Pair> pairs = db.read()
                .select(TRAINING_LABELS.RATING, TEACHER_LABELS.RATING)
                .from(TEACHER_LABELS).join(TRAINING_LABELS).on(TRAINING_LABELS.THREAD_ID.eq(TEACHER_LABELS.THREAD_ID))
                .where(matches(key)).and(TRAINING_LABELS.SKIPPED.eq(0L))
                .fetch(r -> new AgreementReport.Pair(SentimentLabel.ofRating(r.value1().intValue()),
                        SentimentLabel.ofRating(r.value2().intValue())));
        return AgreementReport.of(key.provider().id(), key.model(), key.promptVersion(), pairs);
    }

    private static org.jooq.Condition matches(TeacherKey key) {
        return TEACHER_LABELS.PROVIDER.eq(key.provider().id())
                .and(TEACHER_LABELS.MODEL.eq(key.model()))
                .and(TEACHER_LABELS.PROMPT_VERSION.eq(key.promptVersion()));
    }
}
