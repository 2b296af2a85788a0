package com.bizcharts.app;

import com.bizcharts.coins.CoinMention;
import com.bizcharts.coins.CoinMentionRepository;
import com.bizcharts.learn.active.ActiveLearningQueue;
import com.bizcharts.learn.eval.AgreementReport;
import com.bizcharts.learn.teacher.TeacherLabelRepository;
import com.bizcharts.sentiment.scoring.PredictionRepository;
import com.bizcharts.store.Label;
import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.scoring.ActiveModel;
import com.bizcharts.store.Database;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.ThreadRepository;
import com.bizcharts.store.labels.LabelProgress;
import com.bizcharts.store.labels.LabelQueue;
import com.bizcharts.store.labels.LabelStats;
import com.bizcharts.store.labels.LabelTransfer;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What the labeler works with: the queue, the labels and their files, progress and the coins of a post. A feature
 * service built by the {@link Engine}; commands and view-models take it, not the engine's parts.
 */
public final class Labelling {

    private final Database database;
    private final ThreadRepository threads;
    private final LabelRepository labels;
    private final LabelTransfer labelTransfer;
    private final CoinMentionRepository coinMentions;
    private final ActiveModel activeModel;
    private final Supplier<ActiveLearningQueue> activeLearning;
    private final Path imagesDir;
    private final Clock clock;
    private final TeacherLabelRepository teacherLabels;
    private final PredictionRepository predictions;
    private final com.bizcharts.sentiment.image.NsfwFlags nsfw;

    Labelling(Database database, ThreadRepository threads, LabelRepository labels, CoinMentionRepository coinMentions,
              ActiveModel activeModel, Supplier<ActiveLearningQueue> activeLearning, TeacherLabelRepository teacherLabels,
              PredictionRepository predictions, double nsfwThreshold, Path imagesDir, Clock clock) {

        this.teacherLabels = teacherLabels;
        this.predictions = predictions;
        this.nsfw = new com.bizcharts.sentiment.image.NsfwFlags(new com.bizcharts.store.ImageFlagRepository(database), nsfwThreshold, clock);
        this.database = database;
        this.threads = threads;
        this.labels = labels;
        this.coinMentions = coinMentions;
        this.labelTransfer = new LabelTransfer(database, threads, labels, coinMentions::record);
        this.activeModel = activeModel;
        this.activeLearning = activeLearning;
        this.imagesDir = imagesDir;
        this.clock = clock;
    }

    public LabelRepository labels() { return labels; }

    /** The label view's queue; "by the model's need" ranks with the active model (newest first if that fails). */
    public LabelQueue labelQueue() {
        return new LabelQueue(database, threads, ids -> {
            var posts = threads.findAll(ids).stream().map(op -> PostInput.of(op, imagesDir)).toList();
            return activeLearning.get().rank(activeModel.get().model(), posts).stream().map(s -> s.post().threadId()).toList();
        }, activeModel::id);
    }

    public LabelTransfer labelTransfer() { return labelTransfer; }

    public LabelStats labelStats() { return LabelStats.of(database); }

    /** A labeler's progress now (today, total, per class, the last hour). */
    public LabelProgress labelProgress(String labelerId) { return LabelProgress.of(database, labelerId, clock.instant()); }

    /** The coins a post mentions, each once. */
    public List<String> coinsOf(long threadId) {
        return coinMentions.ofThread(database.read(), threadId).stream().map(CoinMention::symbol).distinct().toList();
    }

    public CoinMentionRepository coinMentions() { return coinMentions; }

    /**
     * The post's NSFW flag, read once from its thumbnail with MobileNetV2 and kept; empty when it has no decodable
     * thumbnail (the label view then shows it as it is).
     */
    public java.util.Optional<com.bizcharts.store.ImageFlagRepository.Flag> nsfwFlag(com.bizcharts.store.ThreadOp op) {
        return nsfw.of(op.threadId(), PostInput.of(op, imagesDir).image());
    }

    void close() {
        nsfw.close();
    }

    /**
     * Agreement between labelers, and of the humans with the teacher and the active model ({@code labels agreement},
     * the Models view). Each labeler's latest rating of a post counts; skips do not.
     */
    public AgreementReport agreement() {
        Map<Long, Map<String, Integer>> ratings = new TreeMap<>();
        for (Label l : labels.allRated()) {
            // an adjudication is a decision on a disagreement, not another independent rater
            if (!l.adjudicated()) ratings.computeIfAbsent(l.threadId(), k -> new TreeMap<>()).put(l.labelerId(), l.rating());
        }
        Map<Long, Integer> teacher = new HashMap<>();
        for (var t : teacherLabels.confidentLabels(0)) teacher.putIfAbsent(t.threadId(), t.label().rating());
        String modelId = activeModel.id();
        return AgreementReport.of(ratings, teacher, predictions.labels(modelId, ratings.keySet()), modelId);
    }

    /** The clock its records are stamped with (UTC). */
    public Clock clock() { return clock; }
}
