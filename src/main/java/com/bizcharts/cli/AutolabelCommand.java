package com.bizcharts.cli;

import com.bizcharts.app.Settings;
import com.bizcharts.learn.teacher.AutolabelRun;
import com.bizcharts.learn.teacher.CostEstimate;
import com.bizcharts.learn.teacher.HttpTeacherClient;
import com.bizcharts.learn.teacher.TeacherLabelRepository;
import com.bizcharts.learn.teacher.TeacherLabelRepository.TeacherKey;
import com.bizcharts.learn.teacher.TeacherPrompt;
import com.bizcharts.learn.teacher.TeacherProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bizcharts autolabel}: labels posts with a vision-LLM teacher, resumably; {@code report} rates the teacher. */
@Command(name = "autolabel", mixinStandardHelpOptions = true,
        description = "Label unlabeled posts with a vision-LLM teacher (image and text). Teacher labels are kept apart from human labels.",
        subcommands = AutolabelReportCommand.class)
public final class AutolabelCommand implements Callable<Integer> {

    @ParentCommand
    BizchartsCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--provider", description = "openai, gemini or compatible (required to label)")
    String provider;

    @Option(names = "--base-url", paramLabel = "URL", description = "API base URL (default from settings [teacher])")
    String baseUrl;

    @Option(names = "--model", paramLabel = "M", description = "model name (default per provider)")
    String model;

    @Option(names = "--limit", defaultValue = "100", description = "posts to label at most (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--resume", description = "continue the last unfinished run of this teacher")
    boolean resume;

    @Option(names = "--batch-size", defaultValue = "50", description = "posts per checkpoint (default ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--rate-limit", paramLabel = "SECONDS", description = "seconds between requests (default from settings)")
    Double rateLimit;

    @Option(names = "--retry-failed", description = "try again posts that failed in earlier runs")
    boolean retryFailed;

    @Option(names = "--dry-run", description = "print the estimate and stop")
    boolean dryRun;

    @picocli.CommandLine.Mixin
    InsecureHttpOption insecure;

    @Override
    public Integer call() {
        if (provider == null) throw new IllegalArgumentException("--provider is required: openai, gemini or compatible");
        TeacherProvider p = TeacherProvider.of(provider);
        // every check that needs no database comes first: a mistyped command never creates one
        Settings.TeacherSettings ts = root.settings().teacher();
        String url = baseUrl != null ? baseUrl : switch (p) {
            case OPENAI -> ts.openaiBaseUrl();
            case GEMINI -> ts.geminiBaseUrl();
            case COMPATIBLE -> ts.compatibleBaseUrl();
        };
        String m = model != null ? model : p.defaultModel();
        String key = root.secrets().find(p.keyVariable()).orElse(null);
        if (key == null && p.keyRequired()) {
            throw new IllegalArgumentException("no API key: set " + p.keyVariable() + " in the environment or the keyring");
        }
        double pace = rateLimit != null ? rateLimit : ts.rateLimitSeconds();
        if (pace < 0) throw new IllegalArgumentException("--rate-limit must not be negative");
        var engine = root.existingEngine();
        TeacherKey teacher = new TeacherKey(p, m, TeacherPrompt.VERSION);
        TeacherLabelRepository repo = engine.training().teacherLabels();
        if (retryFailed) repo.clearFailures(teacher);

        PrintWriter out = spec.commandLine().getOut();
        var pending = repo.pending(teacher, Long.MIN_VALUE, limit);
        long chars = pending.stream().mapToLong(x -> (x.subject() == null ? 0 : x.subject().length())
                + (x.text() == null ? 0 : x.text().length())).sum();
        long withImage = pending.stream().filter(x -> x.thumbnailPath() != null).count();
        double inPrice = p == TeacherProvider.GEMINI ? ts.geminiInputPerMillion() : p == TeacherProvider.OPENAI ? ts.openaiInputPerMillion() : 0;
        double outPrice = p == TeacherProvider.GEMINI ? ts.geminiOutputPerMillion() : p == TeacherProvider.OPENAI ? ts.openaiOutputPerMillion() : 0;
        CostEstimate est = CostEstimate.of(p, pending.size(), chars, withImage, inPrice, outPrice);
        out.printf(Locale.ROOT, "teacher %s/%s (prompt %s) at %s%n", p.id(), m, TeacherPrompt.VERSION, url);
        out.printf(Locale.ROOT, "estimate: %d posts (%d with image), ~%d input + ~%d output tokens, ~$%.4f%n",
                est.posts(), withImage, est.inputTokens(), est.outputTokens(), est.dollars());
        if (dryRun || pending.isEmpty()) {
            if (pending.isEmpty()) out.println("nothing to label");
            return 0;
        }
        HttpTeacherClient client = new HttpTeacherClient(p, url, m, key, Duration.ofMillis((long) (pace * 1000)),
                HttpTeacherClient.Retry.standard(), d -> Thread.sleep(d), Duration.ofSeconds(ts.requestTimeoutSeconds()),
                engine.settings().security().keyTransport(), ts.answerCap());
        AutolabelRun run = engine.training().autolabelRun(client, teacher);
        AutolabelRun.Summary s = run.run(new AutolabelRun.Options(limit, batchSize, resume, 2),
                (labeled, failed, planned) -> out.printf(Locale.ROOT, "checkpoint: %d labeled, %d failed of %d%n",
                        labeled, failed, planned),
                () -> Thread.currentThread().isInterrupted());
        out.printf(Locale.ROOT, "run %s: %d labeled, %d failed; spent %d input + %d output tokens (~$%.4f)%n",
                s.runId(), s.labeled(), s.failed(), s.inputTokens(), s.outputTokens(),
                CostEstimate.dollars(s.inputTokens(), s.outputTokens(), inPrice, outPrice));
        if (s.stoppedBy() != null) {
            spec.commandLine().getErr().println("error: stopped: " + s.stoppedBy());
            return 1;
        }
        if (s.labeled() == 0 && s.failed() > 0) { // nothing came of the run: a script must not read it as done
            spec.commandLine().getErr().println("error: no post labeled, " + s.failed() + " failed (last: " + s.lastFailure()
                    + "); --retry-failed tries them again");
            return 1;
        }
        return 0;
    }
}
