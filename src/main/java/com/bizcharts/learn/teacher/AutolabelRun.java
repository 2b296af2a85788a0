package com.bizcharts.learn.teacher;

import com.bizcharts.learn.teacher.TeacherClient.TeacherCallException;
import com.bizcharts.learn.teacher.TeacherLabelRepository.PendingPost;
import com.bizcharts.learn.teacher.TeacherLabelRepository.TeacherKey;
import com.bizcharts.store.Database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Labels unlabeled posts with a teacher, a batch at a time. Each batch's labels, failures and the run's
 * checkpoint are written in one transaction, so a killed run loses at most the batch in flight and
 * {@code --resume} continues exactly after the last checkpointed post.
 */
public final class AutolabelRun {

    public record Options(int limit, int batchSize, boolean resume, int attemptsPerPost) {
        public Options {
            if (limit < 1) throw new IllegalArgumentException("--limit must be at least 1");
            if (batchSize < 1) throw new IllegalArgumentException("--batch-size must be at least 1");
            if (attemptsPerPost < 1) throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /** @param lastFailure the latest post's failure reason (redacted), or null when none failed */
    public record Summary(String runId, int labeled, int failed, long inputTokens, long outputTokens,
                          boolean cancelled, String stoppedBy, String lastFailure) {}

    /** Called after every checkpoint, from the thread running the job. */
    public interface Progress {
        void checkpointed(int labeled, int failed, int planned);
    }

    private final Database db;
    private final TeacherLabelRepository repo;
    private final TeacherClient client;
    private final TeacherKey key;
    private final Path imagesDir;
    private final Clock clock;

    public AutolabelRun(Database db, TeacherLabelRepository repo, TeacherClient client, TeacherKey key,
                        Path imagesDir, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.client = client;
        this.key = key;
        this.imagesDir = imagesDir;
        this.clock = clock;
    }

    public Summary run(Options options, Progress progress, BooleanSupplier cancelled) {
        String runId;
        long after;
        var unfinished = options.resume() ? repo.lastUnfinishedRun(key) : java.util.Optional.<org.jooq.Record>empty();
        if (unfinished.isPresent()) {
            runId = unfinished.get().get("run_id", String.class);
            Long last = unfinished.get().get("last_thread_id", Long.class);
            after = last == null ? Long.MIN_VALUE : last;
        } else {
            runId = UUID.randomUUID().toString();
            after = Long.MIN_VALUE;
            db.writeVoid(ctx -> repo.startRun(ctx, runId, key, clock.instant()));
        }
        int labeled = 0, failed = 0;
        long in = 0, out = 0;
        String lastFailure = null;
        while (labeled + failed < options.limit()) {
            if (cancelled.getAsBoolean()) return new Summary(runId, labeled, failed, in, out, true, null, lastFailure);
            int room = Math.min(options.batchSize(), options.limit() - labeled - failed);
            List<PendingPost> batch = repo.pending(key, after, room);
            if (batch.isEmpty()) break;
            List<Outcome> outcomes = new ArrayList<>();
            String stop = null;
            for (PendingPost post : batch) {
                Outcome o = label(post, options.attemptsPerPost());
                if (o.fatal != null) {
                    stop = o.fatal;
                    break;
                }
                outcomes.add(o);
            }
            BatchTotals t = commit(runId, outcomes);
            labeled += t.labeled;
            failed += t.failed;
            in += t.in;
            out += t.out;
            if (!outcomes.isEmpty()) after = outcomes.get(outcomes.size() - 1).post.threadId();
            for (Outcome o : outcomes) if (o.failureDetail != null) lastFailure = o.failureDetail;
            progress.checkpointed(labeled, failed, options.limit());
            if (stop != null) return new Summary(runId, labeled, failed, in, out, false, stop, lastFailure);
        }
        Long lastDone = after == Long.MIN_VALUE ? null : after;
        db.writeVoid(ctx -> repo.checkpoint(ctx, runId, lastDone, 0, 0, 0, 0, clock.instant(), true));
        return new Summary(runId, labeled, failed, in, out, false, null, lastFailure);
    }

    private record Outcome(PendingPost post, TeacherVerdict verdict, TeacherReply reply, boolean imageSent,
                           String failureKind, String failureDetail, int attempts, long in, long out, String fatal) {}

    private record BatchTotals(int labeled, int failed, long in, long out) {}

    private Outcome label(PendingPost post, int attempts) {
        byte[] image = thumbnail(post.thumbnailPath());
        String mime = image == null ? null : mime(post.thumbnailPath());
        TeacherRequest request = new TeacherRequest(post.threadId(), post.subject(), post.text(),
                mime == null ? null : image, mime);
        long in = 0, out = 0;
        String kind = null, detail = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                TeacherReply reply = client.ask(request);
                in += reply.inputTokens();
                out += reply.outputTokens();
                TeacherVerdict v = VerdictParser.parse(reply);
                // the rationale is the model's free text: it may quote a key it saw, so it is stored redacted
                v = new TeacherVerdict(v.label(), v.confidence(), v.sarcasm(), client.redact(v.rationale()));
                return new Outcome(post, v, reply, request.hasImage(), null, null, attempt, in, out, null);
            } catch (MalformedAnswerException e) {
                kind = e.isRefusal() ? "refused" : "malformed";
                detail = client.redact(e.getMessage());
                if (e.isRefusal()) return failure(post, kind, detail, attempt, in, out);
            } catch (TeacherCallException e) {
                String why = client.redact(e.getMessage());
                if (e.fatal()) return new Outcome(post, null, null, false, null, null, attempt, in, out, why);
                return failure(post, e.kind(), why, attempt, in, out);
            }
        }
        return failure(post, kind, detail, attempts, in, out);
    }

    private static Outcome failure(PendingPost post, String kind, String detail, int attempts, long in, long out) {
        return new Outcome(post, null, null, false, kind, detail, attempts, in, out, null);
    }

    private BatchTotals commit(String runId, List<Outcome> outcomes) {
        return db.write(ctx -> {
            Instant now = clock.instant();
            int labeled = 0, failed = 0;
            long in = 0, out = 0, last = 0;
            for (Outcome o : outcomes) {
                if (o.verdict != null) {
                    repo.saveLabel(ctx, key, runId, o.post.threadId(), o.verdict, o.imageSent,
                            new TeacherReply(null, null, o.in, o.out), now);
                    labeled++;
                } else {
                    repo.saveFailure(ctx, key, runId, o.post.threadId(), o.failureKind, o.failureDetail, o.attempts, now);
                    failed++;
                }
                in += o.in;
                out += o.out;
                last = o.post.threadId();
            }
            if (!outcomes.isEmpty()) repo.checkpoint(ctx, runId, last, labeled, failed, in, out, now, false);
            return new BatchTotals(labeled, failed, in, out);
        });
    }

    private byte[] thumbnail(String relative) {
        if (relative == null || relative.isBlank()) return null;
        Path file = imagesDir.resolve(relative).normalize();
        if (!file.startsWith(imagesDir.normalize())) return null;
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            return null; // an unreadable thumbnail means the teacher sees only the text; the label records that
        }
    }

    static String mime(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".jpg") || p.endsWith(".jpeg")) return "image/jpeg";
        if (p.endsWith(".png")) return "image/png";
        if (p.endsWith(".gif")) return "image/gif";
        if (p.endsWith(".webp")) return "image/webp";
        return null;
    }
}
