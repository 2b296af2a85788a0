package com.bizcharts.sentiment.scoring;

import java.time.Duration;

/**
 * A snapshot of the scoring service for the status bar, the dashboard and the CLI; immutable, so any thread may
 * read it.
 *
 * @param modelId   the model it scores with
 * @param waiting   posts in the store the model has neither scored nor failed on
 * @param scored    posts scored since the service started
 * @param failed    posts that could not be scored since it started (recorded with their reasons)
 * @param rescore   the pass over the store in progress (after a model change or at start), or null
 * @param lastError why the service is FAILED (it retries), or why the last post failed; null when none
 */
public record ScoringStatus(State state, String modelId, int waiting, long scored, long failed, Rescore rescore,
                            String lastError) {

    public enum State { STOPPED, IDLE, SCORING, RESCORING, PAUSED, FAILED }

    /**
     * A pass over the store, newest posts first.
     *
     * @param rate posts per second so far
     * @param eta  at that rate, or null before the first chunk
     */
    public record Rescore(int done, int total, double rate, Duration eta) {}

    public static ScoringStatus stopped() {
        return new ScoringStatus(State.STOPPED, null, 0, 0, 0, null, null);
    }

    /** One line for people: "scoring 4,210 of 12,000 posts for embedded-… (2,100/s, 4 s left)". */
    public String describe() {
        String model = modelId == null ? "-" : modelId;
        return switch (state) {
            case STOPPED -> "scoring: stopped";
            case IDLE -> waiting == 0 ? "scoring: all posts scored by " + model
                    : "scoring: idle, " + String.format(java.util.Locale.ROOT, "%,d", waiting) + " posts not scored by " + model;
            case SCORING -> "scoring new posts with " + model;
            case RESCORING -> rescore == null ? "rescoring with " + model : String.format(java.util.Locale.ROOT,
                    "scoring %,d of %,d posts for %s (%,.0f/s%s)", rescore.done(), rescore.total(), model, rescore.rate(),
                    rescore.eta() == null ? "" : ", " + eta(rescore.eta()) + " left");
            case PAUSED -> String.format(java.util.Locale.ROOT, "scoring paused: %,d posts waiting for %s", waiting, model);
            case FAILED -> "scoring failed, retrying: " + lastError;
        };
    }

    private static String eta(Duration d) {
        long s = d.toSeconds();
        return s < 90 ? s + " s" : s < 5400 ? (s + 30) / 60 + " min" : String.format(java.util.Locale.ROOT, "%.1f h", s / 3600.0);
    }
}
