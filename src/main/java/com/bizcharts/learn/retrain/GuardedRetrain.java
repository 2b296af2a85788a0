package com.bizcharts.learn.retrain;

import com.bizcharts.learn.eval.EvaluationReport;
import com.bizcharts.learn.golden.GoldenSet;
import com.bizcharts.learn.pseudo.PseudoLabelPolicy;
import com.bizcharts.learn.pseudo.PseudoLabelRepository;
import com.bizcharts.learn.replay.ReplayBuffer;
import com.bizcharts.learn.train.EmbeddedTrainer;
import com.bizcharts.learn.train.LabeledPost;
import com.bizcharts.learn.train.LabeledPostsFile;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.store.labels.SentimentLabel;
import com.bizcharts.sentiment.SentimentModel;
import com.bizcharts.sentiment.embedded.SentimentSignals;
import com.bizcharts.sentiment.embedded.EmbeddedModel;
import com.bizcharts.sentiment.embedded.EmbeddedModelFormat;
import com.bizcharts.sentiment.scoring.ModelLoader;
import com.bizcharts.sentiment.scoring.ModelRegistry;
import com.bizcharts.sentiment.scoring.RegisteredModel;
import com.bizcharts.store.Database;
import com.bizcharts.store.UtcTime;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code learn retrain}: builds a training set from human labels, confident teacher labels, confident pseudo-labels
 * of the active model and a replay sample of older labels; trains a candidate; measures it and the active model on
 * the frozen golden posts neither was trained on ({@link UnseenGolden}); promotes the candidate only if its macro-F1
 * there does not drop. With fewer than {@link UnseenGolden#MINIMUM} such posts it decides nothing and says so. Every
 * candidate is registered with its lineage (which data went in), promoted or not, so a rejected one can still be
 * inspected, or activated by hand.
 */
public final class GuardedRetrain {

    /** @param augmentPseudo also train on a weakly augmented copy of each pseudo-labeled post (FixMatch-style) */
    public record Options(double teacherMinConfidence, boolean pseudoLabels, int replayCapacity, double replayShare,
                          double goldenFraction, long seed, boolean augmentPseudo) {

        public Options(double teacherMinConfidence, boolean pseudoLabels, int replayCapacity, double replayShare,
                       double goldenFraction, long seed) {
            this(teacherMinConfidence, pseudoLabels, replayCapacity, replayShare, goldenFraction, seed, false);
        }
    }

    /**
     * @param candidate its scores on {@code judgedOn}; null, as {@code active}, when {@code decided} is false
     * @param decided   false when there was no verdict ({@code reason} says why): neither promoted nor rejected
     */
    public record Outcome(String candidateId, Path directory, EvaluationReport candidate, EvaluationReport active,
                          String activeId, boolean promoted, String reason, ObjectNode lineage, boolean decided,
                          UnseenGolden judgedOn) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final Path imagesDir;
    private final Path modelsDir;
    private final SentimentSignals signals;
    private final ModelRegistry registry;
    private final ModelLoader loader;
    private final GoldenSet golden;
    private final Clock clock;

    public GuardedRetrain(Database db, Path imagesDir, Path modelsDir, SentimentSignals signals, ModelRegistry registry,
                          ModelLoader loader, GoldenSet golden, Clock clock) {
        this.db = db;
        this.imagesDir = imagesDir;
        this.modelsDir = modelsDir;
        this.signals = signals;
        this.registry = registry;
        this.loader = loader;
        this.golden = golden;
        this.clock = clock;
    }

    public Outcome run(Options o) {
        RetrainData data = new RetrainData(db, imagesDir);
        if (golden.threadIds().size() < UnseenGolden.MINIMUM) golden.freeze(o.goldenFraction(), o.seed());
        Set<Long> goldenIds = golden.threadIds();
        int goldenLabeled = data.golden(goldenIds).size();
        if (goldenLabeled < UnseenGolden.MINIMUM) {
            throw new IllegalArgumentException("need at least " + UnseenGolden.MINIMUM + " golden human labels to judge a candidate, have "
                    + goldenLabeled + ": label more posts first");
        }
        Optional<RegisteredModel> activeRow = registry.active();
        SentimentModel active = activeRow.map(loader::load).orElseGet(loader::defaultModel);
        Instant activeSince = activeRow.map(m -> m.activatedAt() == null ? m.createdAt() : m.activatedAt())
                .map(UtcTime::parse).orElse(Instant.EPOCH);

        List<RetrainData.Example> human = data.human(goldenIds);
        Set<Long> taken = new HashSet<>(goldenIds);
        human.forEach(e -> taken.add(e.post().post().threadId()));
        List<RetrainData.Example> teacher = data.teacher(o.teacherMinConfidence(), taken);
        teacher.forEach(e -> taken.add(e.post().post().threadId()));
        List<LabeledPost> pseudo = o.pseudoLabels() ? pseudoLabels(data, active, activeRow, human, taken) : List.of();

        // Replay: older human labels pass through the reservoir; newer ones (since the active model) are "new".
        List<LabeledPost> fresh = new ArrayList<>();
        ReplayBuffer<LabeledPost> replay = new ReplayBuffer<>(o.replayCapacity(), o.seed());
        for (RetrainData.Example e : human) {
            if (e.labeledAt().isAfter(activeSince)) fresh.add(e.post());
            else replay.offer(e.post());
        }
        teacher.forEach(e -> fresh.add(e.post()));
        fresh.addAll(pseudo);
        int augmented = 0;
        if (o.augmentPseudo()) {
            com.bizcharts.learn.pseudo.TextAugmenter augmenter = com.bizcharts.learn.pseudo.TextAugmenter.standard();
            for (LabeledPost p : pseudo) {
                PostInput in = p.post();
                fresh.add(new LabeledPost(new PostInput(in.threadId(), in.subject(), augmenter.augment(in.text(), o.seed() ^ in.threadId()),
                        in.image(), in.replyCount(), in.postedAt()), p.label()));
                augmented++;
            }
        }
        // The prototype's 70/30 mix holds when new data is plentiful; the embedded model retrains from scratch, so
        // with few new examples the whole reservoir is kept rather than thrown away.
        boolean plentiful = fresh.size() >= replay.size() * (1 - o.replayShare()) / o.replayShare();
        List<LabeledPost> training = plentiful ? replay.trainingMix(fresh, o.replayShare()) : concat(fresh, replay.contents());
        int replayed = training.size() - fresh.size();

        EmbeddedTrainer trainer = new EmbeddedTrainer(signals.lexicon(), signals.images(), signals.encoders());
        String sha = sha(training);
        // Same recipe as the model it may replace (or, when a remote student is active, as the default model): a
        // candidate without the encoder would lose for reasons that have nothing to do with the new labels.
        String encoder = active instanceof EmbeddedModel e ? e.encoderName() : loader.defaultModel().encoderName();
        EmbeddedTrainer.Options recipe = EmbeddedTrainer.Options.standard().withEncoder(encoder);
        EmbeddedModel candidate = trainer.train(training, recipe,
                new EmbeddedTrainer.Provenance("learning loop (database)", sha, "bizcharts learn retrain", clock.instant()));
        UnseenGolden unseen = UnseenGolden.of(goldenIds, TrainedOn.of(candidate, null),
                TrainedOn.of(active, activeRow.map(r -> registry.lineage(r.id())).orElse(null)), active.id());
        Optional<String> undecided = unseen.notDeciding("activate " + candidate.id() + " by hand ('models activate "
                + candidate.id() + "'): it never saw the golden set, so the retrains after it are judged on all of it");
        List<LabeledPost> judged = data.golden(unseen.threadIds());
        EvaluationReport candidateReport = undecided.isPresent() ? null : evaluate(candidate, judged);
        EvaluationReport activeReport = undecided.isPresent() ? null : evaluate(active, judged);
        ObjectNode metrics = undecided.isPresent() ? JSON.createObjectNode().put("evaluated_on", "no verdict: " + undecided.get())
                : candidateReport.toJson().put("evaluated_on", unseen.describe());
        candidate = candidate.withMetadata(candidate.metadata().withMetrics(metrics));

        Path dir = modelsDir.resolve("candidates").resolve(candidate.id());
        EmbeddedModelFormat.save(candidate, dir);
        registry.register(candidate.metadata(), dir.toString());
        ObjectNode lineage = JSON.createObjectNode()
                .put("human", countHuman(training, human))
                .put("teacher", teacher.size()).put("teacher_min_confidence", o.teacherMinConfidence())
                .put("pseudo", pseudo.size()).put("augmented", augmented).put("replayed", replayed).put("fresh", fresh.size())
                .put("golden", goldenIds.size()).put("golden_unseen", unseen.size())
                .put("golden_seen_by_parent", unseen.seenByActive()).put("training_sha256", sha)
                .put("parent", active.id());
        if (undecided.isEmpty())
            lineage.put("golden_macro_f1", candidateReport.macroF1()).put("parent_golden_macro_f1", activeReport.macroF1());
        registry.setLineage(candidate.id(), lineage.toString());

        if (undecided.isPresent())
            return new Outcome(candidate.id(), dir, null, null, active.id(), false, undecided.get(), lineage, false, unseen);
        boolean promote = CandidateEvaluation.notWorse(candidateReport, activeReport);
        String reason = String.format(java.util.Locale.ROOT, "golden macro-F1 %.4f vs active %.4f on %s", candidateReport.macroF1(),
                activeReport.macroF1(), unseen.describe());
        if (promote) registry.activate(candidate.id());
        return new Outcome(candidate.id(), dir, candidateReport, activeReport, active.id(), promote,
                (promote ? "promoted: " : "kept the active model: ") + reason, lineage, true, unseen);
    }

    private List<LabeledPost> pseudoLabels(RetrainData data, SentimentModel active, Optional<RegisteredModel> row,
                                           List<RetrainData.Example> human, Set<Long> taken) {
        double f1 = row.map(RegisteredModel::macroF1).orElse(Double.NaN);
        double threshold = PseudoLabelPolicy.threshold(f1 == 0 ? Double.NaN : f1);
        Map<SentimentLabel, Integer> humanCounts = new EnumMap<>(SentimentLabel.class);
        human.forEach(e -> humanCounts.merge(e.post().label(), 1, Integer::sum));
        List<PostInput> unlabeled = data.unlabeled(taken, 5_000);
        List<PseudoLabelPolicy.Candidate> candidates = new ArrayList<>();
        Map<Long, PostInput> byId = new java.util.HashMap<>();
        for (PostInput p : unlabeled) {
            candidates.add(new PseudoLabelPolicy.Candidate(p.threadId(), active.predict(p).probabilities()));
            byId.put(p.threadId(), p);
        }
        List<PseudoLabelPolicy.PseudoLabel> chosen = PseudoLabelPolicy.select(candidates, threshold, humanCounts);
        new PseudoLabelRepository(db).save(active.id(), threshold, chosen, clock.instant());
        return chosen.stream().map(pl -> new LabeledPost(byId.get(pl.threadId()), pl.label())).toList();
    }

    private static EvaluationReport evaluate(SentimentModel model, List<LabeledPost> posts) {
        return CandidateEvaluation.score(model, posts);
    }

    private static int countHuman(List<LabeledPost> training, List<RetrainData.Example> human) {
        Set<LabeledPost> h = new HashSet<>();
        human.forEach(e -> h.add(e.post()));
        return (int) training.stream().filter(h::contains).count();
    }

    private static List<LabeledPost> concat(List<LabeledPost> a, List<LabeledPost> b) {
        List<LabeledPost> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String sha(List<LabeledPost> posts) {
        StringBuilder sb = new StringBuilder();
        for (LabeledPost p : posts) sb.append(p.post().threadId()).append('\t').append(p.label().rating()).append('\n');
        return LabeledPostsFile.sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
