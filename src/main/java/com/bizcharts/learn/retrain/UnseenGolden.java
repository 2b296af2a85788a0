package com.bizcharts.learn.retrain;

import com.bizcharts.learn.golden.GoldenSet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The golden posts a candidate and the active model can fairly be compared on: those neither was trained on. A
 * model scores its own training posts far above what it will do on new ones (the shipped default, trained on every
 * shared label, reaches 0.99 golden macro-F1 on golden posts it saw), so scoring either side on them decides the
 * comparison before it starts.
 *
 * @param threadIds       the golden posts outside both training sets: the ones judged on
 * @param golden          size of the golden set
 * @param seenByCandidate golden posts in the candidate's training
 * @param seenByActive    golden posts in the active model's training (as far as recorded)
 * @param notes           what was not recorded and how it was treated, for the verdict's text
 */
public record UnseenGolden(Set<Long> threadIds, int golden, int seenByCandidate, int seenByActive, String activeModel,
                           boolean candidateRecorded, List<String> notes) {

    /**
     * The fewest unseen golden posts a verdict is given on. With ~10 posts per label one post's verdict moves
     * macro-F1 by about 0.03 (by 0.07 at 15 posts), so below 30 a candidate would be promoted or refused by noise.
     */
    public static final int MINIMUM = 30;

    public UnseenGolden {
        threadIds = Set.copyOf(threadIds);
        notes = List.copyOf(notes);
    }

    public static UnseenGolden of(Set<Long> golden, TrainedOn candidate, TrainedOn active, String activeModel) {
        Set<Long> byCandidate = candidate.seenAmong(golden), byActive = active.seenAmong(golden);
        Set<Long> unseen = new HashSet<>(golden);
        unseen.removeAll(byCandidate);
        unseen.removeAll(byActive);
        List<String> notes = new ArrayList<>();
        if (active instanceof TrainedOn.Unrecorded u)
            notes.add(u.why() + ": judged as if it trained on none of the golden posts, which can only favour it");
        if (candidate instanceof TrainedOn.Unrecorded u)
            notes.add(u.why() + ": it may have trained on golden posts, which would favour it");
        return new UnseenGolden(unseen, golden.size(), byCandidate.size(), byActive.size(), activeModel,
                candidate.recorded(), notes);
    }

    public int size() {
        return threadIds.size();
    }

    /**
     * Why no verdict may be given, or empty when one may: the candidate's training is unknown, or too few golden
     * posts are left outside both training sets.
     *
     * @param otherwise the way out besides labeling more, in the caller's terms
     */
    public Optional<String> notDeciding(String otherwise) {
        if (!candidateRecorded) return Optional.of(String.join("; ", notes) + ": not deciding — " + otherwise);
        if (size() >= MINIMUM) return Optional.empty();
        return Optional.of(String.format(Locale.ROOT, "too few unseen golden posts (%d of %d; %s): not deciding — a verdict "
                        + "needs %d; label new posts and top up the golden set ('learn golden --freeze %s'), or %s", size(), golden,
                rest(), MINIMUM, GoldenSet.DEFAULT_FRACTION, otherwise) + notesSuffix());
    }

    /** "42 golden posts neither model trained on (of 184)", with the notes. */
    public String describe() {
        return String.format(Locale.ROOT, "%d golden posts neither model trained on (of %d)", size(), golden) + notesSuffix();
    }

    private String rest() {
        int rest = golden - size();
        if (rest == 0) return golden == 0 ? "the golden set is empty" : "neither model trained on any";
        if (seenByCandidate == rest && seenByActive == rest) return "both models trained on the rest";
        if (seenByActive == rest && seenByCandidate == 0) return "the active model " + activeModel + " trained on the rest";
        if (seenByCandidate == rest && seenByActive == 0) return "the candidate trained on the rest";
        return "of the rest the active model " + activeModel + " trained on " + seenByActive + ", the candidate on " + seenByCandidate;
    }

    private String notesSuffix() {
        return notes.isEmpty() || !candidateRecorded ? "" : " (" + String.join("; ", notes) + ")";
    }
}
