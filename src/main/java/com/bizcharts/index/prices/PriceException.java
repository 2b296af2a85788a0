package com.bizcharts.index.prices;

/**
 * A provider could not give the bars asked for: refused, out of budget, unreachable after retries, or answered
 * something that is not its documented format. The message names the provider and says what to do where it can.
 */
public final class PriceException extends Exception {

    private final int cost;

    public PriceException(String message) {
        this(message, 0);
    }

    /** @param cost calls spent before failing (they count against the monthly budget all the same) */
    public PriceException(String message, int cost) {
        super(message);
        this.cost = cost;
    }

    public int cost() {
        return cost;
    }
}
