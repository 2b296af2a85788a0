package com.bizcharts.app;

import com.bizcharts.learn.active.ActiveLearningQueue;
import com.bizcharts.learn.active.HybridAcquisition;
import com.bizcharts.learn.drift.DriftWatch;
import com.bizcharts.learn.golden.GoldenSet;
import com.bizcharts.learn.models.ModelEvaluations;
import com.bizcharts.learn.models.ModelTrainer;
import com.bizcharts.learn.retrain.CandidateEvaluation;
import com.bizcharts.learn.retrain.GuardedRetrain;
import com.bizcharts.learn.teacher.AutolabelRun;
import com.bizcharts.learn.teacher.TeacherClient;
import com.bizcharts.learn.teacher.TeacherLabelRepository;
import com.bizcharts.learn.train.TrainingSet;
import com.bizcharts.sentiment.embedded.SentimentSignals;
import com.bizcharts.sentiment.scoring.ModelLoader;
import com.bizcharts.sentiment.scoring.ModelRegistry;
import com.bizcharts.store.Database;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What learns: training, evaluation, the guarded retrain, drift, the golden set, teacher labels, active learning.
 * A feature service built by the {@link Engine}; commands and view-models take it, not the engine's parts.
 */
public final class Training {

    private final Settings settings;
    private final Database database;
    private final SentimentSignals signals;
    private final ModelRegistry models;
    private final ModelLoader modelLoader;
    private final DriftWatch driftWatch;
    private final GoldenSet goldenSet;
    private final TeacherLabelRepository teacherLabels;
    private final Clock clock;

    Training(Settings settings, Database database, SentimentSignals signals, ModelRegistry models, ModelLoader modelLoader,
             Clock clock) {
        this.settings = settings;
        this.database = database;
        this.signals = signals;
        this.models = models;
        this.modelLoader = modelLoader;
        this.driftWatch = new DriftWatch(database, clock);
        this.goldenSet = new GoldenSet(database, clock);
        this.teacherLabels = new TeacherLabelRepository(database);
        this.clock = clock;
    }

    /** Trains a new embedded model from the database's labels and registers it (the workstation's "Train new model"). */
    public ModelTrainer modelTrainer() {
        return new ModelTrainer(database, imagesDir(), modelsDir(), signals, models, clock);
    }

    public GuardedRetrain guardedRetrain() {
        return new GuardedRetrain(database, imagesDir(), modelsDir(), signals, models, modelLoader, goldenSet, clock);
    }

    public ModelEvaluations modelEvaluations() { return new ModelEvaluations(models, modelLoader, database, imagesDir()); }

    /** Judges registered models trained elsewhere (pulled students) on the golden set, as the guarded retrain does. */
    public CandidateEvaluation candidateEvaluation() {
        return new CandidateEvaluation(database, imagesDir(), models, modelLoader, goldenSet, clock);
    }

    public DriftWatch driftWatch() { return driftWatch; }

    public GoldenSet goldenSet() { return goldenSet; }

    public TeacherLabelRepository teacherLabels() { return teacherLabels; }

    /** A teacher run over the database's unlabeled posts ({@code autolabel}). */
    public AutolabelRun autolabelRun(TeacherClient client, TeacherLabelRepository.TeacherKey key) {
        return new AutolabelRun(database, teacherLabels, client, key, imagesDir(), clock);
    }

    public ActiveLearningQueue activeLearningQueue() {
        var l = settings.learning();
        return new ActiveLearningQueue(database, imagesDir(), new HybridAcquisition(l.uncertaintyWeight(), l.clusters(), 17));
    }

    /** The database's labeled posts as training data ({@code train} without {@code --data}). */
    public TrainingSet trainingSetFromDatabase() { return TrainingSet.fromDatabase(database, imagesDir()); }

    private Path imagesDir() { return settings.paths().imagesPath(); }

    private Path modelsDir() { return settings.paths().modelsPath(); }
}
