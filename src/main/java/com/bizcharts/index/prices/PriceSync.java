package com.bizcharts.index.prices;

import com.bizcharts.index.Bucket;
import com.bizcharts.store.PricePoint;
import com.bizcharts.store.PriceRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Fills {@code price_points} for a coin and range. Bars already stored are never asked for again; the rest is
 * fetched in windows no longer than the provider allows. Rotation: each window goes to the first provider in the
 * configured order that lists the coin, has its key, has budget left this month and has not failed in this sync; a
 * failure (after the HTTP layer's own retries) passes the same window on to the next provider. Every window is
 * stored in its own transaction, so a failure later in a sync loses nothing fetched before it.
 */
public final class PriceSync {

    private final Map<String, PriceProvider> providers;
    private final List<String> order;
    private final PriceIds ids;
    private final PriceRepository repo;
    private final ProviderBudget budget;
    private final Clock clock;

    public PriceSync(List<PriceProvider> providers, List<String> order, PriceIds ids, PriceRepository repo,
                     ProviderBudget budget, Clock clock) {
        this.providers = new LinkedHashMap<>();
        providers.forEach(p -> this.providers.put(p.name(), p));
        for (String name : order) {
            if (!this.providers.containsKey(name)) throw new IllegalArgumentException("[prices] order names unknown provider '" + name + "'");
        }
        this.order = List.copyOf(order);
        this.ids = ids;
        this.repo = repo;
        this.budget = budget;
        this.clock = clock;
    }

    public PriceIds ids() { return ids; }

    /**
     * @param only a provider name to use alone, or null to rotate
     * @param log  one line per window fetched or failed
     */
    public SyncReport sync(String coin, Bucket interval, Instant from, Instant to, String only, Consumer<String> log)
            throws InterruptedException {
        PriceIds.Entry entry = ids.require(coin);
        String code = BarInterval.code(interval);
        Instant start = interval.start(from);
        Instant lastClosed = interval.start(clock.instant());     // a bar still forming is never stored
        Instant end = interval.start(to).equals(to) ? to : interval.start(to).plus(interval.length());
        if (end.isAfter(lastClosed)) end = lastClosed;
        if (!end.isAfter(start)) throw new IllegalArgumentException("nothing to sync: the range holds no closed " + code + " bar");

        List<String> problems = new ArrayList<>();
        List<PriceProvider> candidates = candidates(entry, only, problems);
        Set<Instant> have = new HashSet<>(repo.timestamps(entry.symbol(), code, start, end));
        int expected = (int) java.time.Duration.between(start, end).dividedBy(interval.length());
        int cached = have.size(), added = 0;
        Map<String, Integer> calls = new LinkedHashMap<>();
        Set<String> failed = new HashSet<>();
        boolean gaveUp = false;
        Instant cursor = start;
        while (true) {
            while (cursor.isBefore(end) && have.contains(cursor)) cursor = cursor.plus(interval.length());
            if (!cursor.isBefore(end)) break;
            PriceProvider p = next(candidates, failed, interval, cursor, end, problems);
            if (p == null) {
                gaveUp = true;
                break;
            }
            Instant windowEnd = cursor.plus(p.maxSpan(interval));
            if (windowEnd.isAfter(end)) windowEnd = end;
            try {
                PriceProvider.Fetched f = p.fetch(entry, interval, cursor, windowEnd);
                budget.spend(p.name(), f.cost());
                calls.merge(p.name(), 1, Integer::sum);
                List<PricePoint> fresh = f.bars().stream().filter(b -> !have.contains(b.ts())).toList();
                int n = repo.insertNew(fresh);
                fresh.forEach(b -> have.add(b.ts()));
                added += n;
                log.accept(String.format("%s %s %s..%s: %d bars from %s", entry.symbol(), code, cursor, windowEnd, n, p.name()));
                cursor = windowEnd;
            } catch (PriceException e) {
                budget.spend(p.name(), Math.max(1, e.cost()));
                calls.merge(p.name(), 1, Integer::sum);
                failed.add(p.name());
                problems.add(e.getMessage());
                log.accept(e.getMessage());
            }
        }
        int missing = expected - (int) have.stream().filter(t -> !t.isBefore(start)).count();
        return new SyncReport(entry.symbol(), code, start, end, expected, cached, added, Math.max(0, missing), calls,
                problems, gaveUp);
    }

    private List<PriceProvider> candidates(PriceIds.Entry entry, String only, List<String> problems) {
        List<String> names = only == null ? order : List.of(only);
        List<PriceProvider> out = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (String name : names) {
            PriceProvider p = providers.get(name);
            if (p == null) throw new IllegalArgumentException("unknown provider '" + name + "' (" + String.join(", ", providers.keySet()) + ")");
            String reason = p.idFor(entry) == null ? "no " + name + " id for " + entry.symbol() + " in config/price-ids.toml"
                    : p.unavailableReason();
            if (reason == null) out.add(p);
            else reasons.add(name + ": " + reason);
        }
        if (out.isEmpty()) throw new IllegalArgumentException(entry.symbol() + ": no provider can be used (" + String.join("; ", reasons) + ")");
        if (only == null) problems.addAll(reasons.stream().map(r -> "skipped " + r).toList());
        return out;
    }

    private PriceProvider next(List<PriceProvider> candidates, Set<String> failed, Bucket interval, Instant from, Instant end,
                               List<String> problems) {
        for (PriceProvider p : candidates) {
            if (failed.contains(p.name())) continue;
            Instant windowEnd = from.plus(p.maxSpan(interval));
            long bars = java.time.Duration.between(from, windowEnd.isAfter(end) ? end : windowEnd).dividedBy(interval.length());
            if (budget.allows(p.name(), p.cost(bars))) return p;
            failed.add(p.name());
            problems.add(p.name() + ": monthly budget spent (" + budget.used(p.name()) + " of " + budget.limit(p.name()) + ")");
        }
        return null;
    }
}
