package com.bizcharts.index.prices;

import com.bizcharts.index.Bucket;
import com.bizcharts.store.PricePoint;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One source of historical prices. Implementations speak the provider's real HTTP API and response format. */
public interface PriceProvider {

    /** The bars of one call, and what the call cost against the provider's monthly budget. */
    record Fetched(List<PricePoint> bars, int cost) {}

    String name();

    /** This provider's id for the coin, or null when it has none (then the coin goes to another provider). */
    String idFor(PriceIds.Entry coin);

    /** Why the provider cannot be used at all (no API key), or null when it can. */
    default String unavailableReason() {
        return null;
    }

    /** The longest range one call may cover at this interval (the sync pages longer ranges). */
    Duration maxSpan(Bucket interval);

    /** What a call for this many bars will cost against the monthly budget. */
    default int cost(long bars) {
        return 1;
    }

    /**
     * The closed bars whose open time lies in {@code [from, to)}; both are bar boundaries and {@code to} is not in
     * the future. All or nothing: an answer that does not parse gives an exception, never a partial list.
     */
    Fetched fetch(PriceIds.Entry coin, Bucket interval, Instant from, Instant to) throws PriceException, InterruptedException;
}
