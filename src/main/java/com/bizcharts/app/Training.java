package com.bizcharts.app;

import com.bizcharts.learn.drift.DriftWatch;
import com.bizcharts.learn.active.ActiveLearningQueue;
import com.bizcharts.learn.golden.GoldenSet;
import com.bizcharts.learn.models.ModelEvaluations;
import com.bizcharts.learn.models.ModelTrainer;
import com.bizcharts.learn.retrain.CandidateEvaluation;
import com.bizcharts.learn.retrain.GuardedRetrain;
import com.bizcharts.learn.teacher.TeacherLabelRepository;

/**
 * What learns: training, evaluation, the guarded retrain, drift, the golden set, teacher labels, active learning.
 * A feature service of the engine: commands and view-models take it, not the engine's parts.
 */
public final class Training {

    private final Engine engine;

    Training(Engine engine) {
        this.engine = engine;
    }

    public ModelTrainer modelTrainer() { return engine.modelTrainer(); }

    public GuardedRetrain guardedRetrain() { return engine.guardedRetrain(); }

    public ModelEvaluations modelEvaluations() { return engine.modelEvaluations(); }

    public CandidateEvaluation candidateEvaluation() { return engine.candidateEvaluation(); }

    public DriftWatch driftWatch() { return engine.driftWatch(); }

    public GoldenSet goldenSet() { return engine.goldenSet(); }

    public TeacherLabelRepository teacherLabels() { return engine.teacherLabels(); }

    public com.bizcharts.learn.teacher.AutolabelRun autolabelRun(com.bizcharts.learn.teacher.TeacherClient client,
                                                                 com.bizcharts.learn.teacher.TeacherLabelRepository.TeacherKey key) { return engine.autolabelRun(client, key); }

    public ActiveLearningQueue activeLearningQueue() { return engine.activeLearningQueue(); }

    public com.bizcharts.learn.train.TrainingSet trainingSetFromDatabase() { return engine.trainingSetFromDatabase(); }
}
