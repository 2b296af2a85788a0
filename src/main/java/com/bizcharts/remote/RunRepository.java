package com.bizcharts.remote;

import com.bizcharts.store.Database;
import com.bizcharts.store.UtcTime;
import com.bizcharts.store.schema.tables.records.RemoteRunsRecord;
import org.jooq.Record;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static com.bizcharts.store.schema.Tables.REMOTE_RUNS;

/** The remote_runs table (V7). */
public final class RunRepository {

    private final Database db;
    private final Clock clock;

    public RunRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void create(String runId, SshTarget target, String remoteDir, String podId, Double costPerHour, String status) {
        db.writeVoid(ctx -> ctx.insertInto(REMOTE_RUNS)
                .set(REMOTE_RUNS.RUN_ID, runId).set(REMOTE_RUNS.HOST, target.host())
                .set(REMOTE_RUNS.PORT, (long) target.port()).set(REMOTE_RUNS.USER_NAME, target.user())
                .set(REMOTE_RUNS.KEY_PATH, target.key() == null ? null : target.key().toString())
                .set(REMOTE_RUNS.KNOWN_HOSTS_PATH, target.knownHosts().toString())
                .set(REMOTE_RUNS.REMOTE_DIR, remoteDir).set(REMOTE_RUNS.POD_ID, podId)
                .set(REMOTE_RUNS.COST_PER_HOUR, costPerHour).set(REMOTE_RUNS.STATUS, status)
                .set(REMOTE_RUNS.STARTED_AT, UtcTime.format(clock.instant())).execute());
    }

    public void status(String runId, String status, String message) {
        boolean done = !(status.equals("launching") || status.equals("pushing") || status.equals("running"));
        db.writeVoid(ctx -> ctx.update(REMOTE_RUNS).set(REMOTE_RUNS.STATUS, status).set(REMOTE_RUNS.MESSAGE, message)
                .set(REMOTE_RUNS.FINISHED_AT, done ? UtcTime.format(clock.instant()) : null)
                .where(REMOTE_RUNS.RUN_ID.eq(runId)).execute());
    }

    public void progress(String runId, TrainingProgress p) {
        db.writeVoid(ctx -> ctx.update(REMOTE_RUNS).set(REMOTE_RUNS.STAGE, p.stage()).set(REMOTE_RUNS.STEP, p.step())
                .set(REMOTE_RUNS.TOTAL_STEPS, p.totalSteps()).set(REMOTE_RUNS.LOSS, p.loss())
                .where(REMOTE_RUNS.RUN_ID.eq(runId)).execute());
    }

    public void dataset(String runId, String json) {
        db.writeVoid(ctx -> ctx.update(REMOTE_RUNS).set(REMOTE_RUNS.DATASET_JSON, json)
                .where(REMOTE_RUNS.RUN_ID.eq(runId)).execute());
    }

    public void pulled(String runId, String localDir, String metricsJson) {
        db.writeVoid(ctx -> ctx.update(REMOTE_RUNS).set(REMOTE_RUNS.STATUS, "pulled")
                .set(REMOTE_RUNS.LOCAL_DIR, localDir).set(REMOTE_RUNS.METRICS_JSON, metricsJson)
                .where(REMOTE_RUNS.RUN_ID.eq(runId)).execute());
    }

    public void pod(String runId, String podId, Double costPerHour) {
        db.writeVoid(ctx -> ctx.update(REMOTE_RUNS).set(REMOTE_RUNS.POD_ID, podId)
                .set(REMOTE_RUNS.COST_PER_HOUR, costPerHour).where(REMOTE_RUNS.RUN_ID.eq(runId)).execute());
    }

    public Optional<RemoteRun> find(String runId) {
        return db.read().selectFrom(REMOTE_RUNS).where(REMOTE_RUNS.RUN_ID.eq(runId)).fetchOptional(RunRepository::of);
    }

    /** The newest run, or the one named. */
    public Optional<RemoteRun> latest() {
        return db.read().selectFrom(REMOTE_RUNS).orderBy(REMOTE_RUNS.STARTED_AT.desc(), REMOTE_RUNS.RUN_ID.desc())
                .limit(1).fetchOptional(RunRepository::of);
    }

    public List<RemoteRun> active() {
        return db.read().selectFrom(REMOTE_RUNS).where(REMOTE_RUNS.STATUS.in("launching", "pushing", "running"))
                .orderBy(REMOTE_RUNS.STARTED_AT).fetch(RunRepository::of);
    }

    private static RemoteRun of(Record rec) {
        RemoteRunsRecord r = rec.into(REMOTE_RUNS);
        return new RemoteRun(r.getRunId(), r.getHost(), r.getPort().intValue(), r.getUserName(), r.getKeyPath(),
                r.getKnownHostsPath(), r.getRemoteDir(), r.getPodId(), r.getCostPerHour(), r.getStatus(),
                r.getStartedAt(), r.getFinishedAt(), r.getStage(), r.getStep(), r.getTotalSteps(), r.getLoss(), r.getDatasetJson(),
                r.getMetricsJson(), r.getLocalDir(), r.getMessage());
    }
}
