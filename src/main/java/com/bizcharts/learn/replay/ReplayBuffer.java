package com.bizcharts.learn.replay;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A fixed-size uniform sample of every example ever offered (reservoir sampling, Vitter's algorithm R), so that
 * retraining on new labels does not forget old market regimes. Default size 2,000 and a 70 % new / 30 % replay
 * training mix, as in the prototype's plan.
 */
public final class ReplayBuffer<T> {

    public static final int DEFAULT_CAPACITY = 2_000;
    public static final double DEFAULT_REPLAY_SHARE = 0.30;

    private final int capacity;
    private final Random random;
    private final List<T> items = new ArrayList<>();
    private long offered;

    public ReplayBuffer(int capacity, long seed) {
        if (capacity <= 0) throw new IllegalArgumentException("capacity must be positive");
        this.capacity = capacity;
        this.random = new Random(seed);
    }

    /** Offers one example; after n offers each has probability capacity/n of being held. */
    public void offer(T item) {
        offered++;
        if (items.size() < capacity) {
            items.add(item);
            return;
        }
        long slot = (long) (random.nextDouble() * offered);
        if (slot < capacity) items.set((int) slot, item);
    }

    public void offerAll(Iterable<T> batch) {
        for (T t : batch) offer(t);
    }

    /**
     * The training set for one update: all of {@code fresh}, plus enough replayed examples that they make up
     * {@code replayShare} of the mix (fewer if the buffer holds fewer).
     */
    public List<T> trainingMix(List<T> fresh, double replayShare) {
        if (!(replayShare >= 0 && replayShare < 1)) throw new IllegalArgumentException("replay share must be in [0, 1)");
        int wanted = (int) Math.round(fresh.size() * replayShare / (1 - replayShare));
        List<T> pool = new ArrayList<>(items);
        Collections.shuffle(pool, random);
        List<T> mix = new ArrayList<>(fresh);
        mix.addAll(pool.subList(0, Math.min(wanted, pool.size())));
        return mix;
    }

    public List<T> contents() {
        return List.copyOf(items);
    }

    public int size() { return items.size(); }

    public long offered() { return offered; }

    public int capacity() { return capacity; }
}
