package com.bizcharts.store;

import com.bizcharts.store.schema.tables.records.PricePointsRecord;
import org.jooq.Record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static com.bizcharts.store.schema.Tables.PRICE_FETCHES;
import static com.bizcharts.store.schema.Tables.PRICE_POINTS;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;

/**
 * The price cache ({@code price_points}) and the providers' monthly call counts ({@code price_fetches}). Bars are
 * inserted once and never updated: only closed bars are stored, so a re-sync adds nothing twice.
 */
public final class PriceRepository {

    /** What the store holds for one coin and interval. */
    public record Coverage(String coin, String interval, Instant first, Instant last, int bars, Map<String, Integer> byProvider) {}

    private final Database db;

    public PriceRepository(Database db) {
        this.db = db;
    }

    /** Stores the bars not stored yet, in one transaction; returns how many were new. */
    public int insertNew(List<PricePoint> bars) {
        if (bars.isEmpty()) return 0;
        return db.write(ctx -> {
            int inserted = 0;
            // Multi-row inserts of 99 bars (990 bound values: past 999 jOOQ inlines every value): a year of hours in ~89.
            int perInsert = SqlBatches.rowsPerInsert(10);
            for (int i = 0; i < bars.size(); i += perInsert) {
                var insert = ctx.insertInto(PRICE_POINTS, PRICE_POINTS.COIN, PRICE_POINTS.PROVIDER, PRICE_POINTS.INTERVAL,
                        PRICE_POINTS.TS, PRICE_POINTS.OPEN, PRICE_POINTS.HIGH, PRICE_POINTS.LOW, PRICE_POINTS.CLOSE,
                        PRICE_POINTS.VOLUME, PRICE_POINTS.FETCHED_AT);
                for (PricePoint p : bars.subList(i, Math.min(bars.size(), i + perInsert))) {
                    insert = insert.values(p.coin(), p.provider(), p.interval(), UtcTime.format(p.ts()), p.open(), p.high(),
                            p.low(), p.close(), p.volume(), UtcTime.format(p.fetchedAt()));
                }
                inserted += insert.onConflictDoNothing().execute();
            }
            return inserted;
        });
    }

    /** The bar times held for this coin and interval in {@code [from, to)}, from any provider. */
    public Set<Instant> timestamps(String coin, String interval, Instant from, Instant to) {
        Set<Instant> out = new HashSet<>();
        db.read().selectDistinct(PRICE_POINTS.TS).from(PRICE_POINTS)
                .where(PRICE_POINTS.COIN.eq(coin)).and(PRICE_POINTS.INTERVAL.eq(interval))
                .and(PRICE_POINTS.TS.ge(UtcTime.format(from))).and(PRICE_POINTS.TS.lt(UtcTime.format(to)))
                .forEach(r -> out.add(UtcTime.parse(r.value1())));
        return out;
    }

    /**
     * One bar per time in {@code [from, to)}, oldest first. Where several providers hold a bar, the one holding the
     * most bars of the range wins everywhere, so a series switches provider only to fill a gap: providers quote
     * slightly different prices (an exchange pair against an aggregate), and switching back and forth would add noise
     * to the returns.
     */
    public List<PricePoint> series(String coin, String interval, Instant from, Instant to) {
        List<PricePoint> all = db.read().selectFrom(PRICE_POINTS)
                .where(PRICE_POINTS.COIN.eq(coin)).and(PRICE_POINTS.INTERVAL.eq(interval))
                .and(PRICE_POINTS.TS.ge(UtcTime.format(from))).and(PRICE_POINTS.TS.lt(UtcTime.format(to)))
                .fetch(PriceRepository::fromRecord);
        Map<String, Integer> perProvider = new HashMap<>();
        for (PricePoint p : all) perProvider.merge(p.provider(), 1, Integer::sum);
        Comparator<PricePoint> preference = Comparator.comparingInt((PricePoint p) -> -perProvider.get(p.provider()))
                .thenComparing(PricePoint::provider);
        TreeMap<Instant, PricePoint> chosen = new TreeMap<>();
        for (PricePoint p : all) chosen.merge(p.ts(), p, (a, b) -> preference.compare(a, b) <= 0 ? a : b);
        return new ArrayList<>(chosen.values());
    }

    /** Every coin and interval held, with its first and last bar and the bars per provider. */
    public List<Coverage> coverage() {
        Map<String, Coverage> out = new LinkedHashMap<>();
        db.read().select(PRICE_POINTS.COIN, PRICE_POINTS.INTERVAL, min(PRICE_POINTS.TS), max(PRICE_POINTS.TS),
                        countDistinct(PRICE_POINTS.TS))
                .from(PRICE_POINTS).groupBy(PRICE_POINTS.COIN, PRICE_POINTS.INTERVAL)
                .orderBy(PRICE_POINTS.COIN, PRICE_POINTS.INTERVAL)
                .forEach(r -> out.put(r.value1() + "/" + r.value2(), new Coverage(r.value1(), r.value2(),
                        UtcTime.parse(r.value3()), UtcTime.parse(r.value4()), r.value5(), new TreeMap<>())));
        db.read().select(PRICE_POINTS.COIN, PRICE_POINTS.INTERVAL, PRICE_POINTS.PROVIDER, org.jooq.impl.DSL.count()).from(PRICE_POINTS)
                .groupBy(PRICE_POINTS.COIN, PRICE_POINTS.INTERVAL, PRICE_POINTS.PROVIDER)
                .forEach(r -> out.get(r.value1() + "/" + r.value2()).byProvider().put(r.value3(), r.value4()));
        return List.copyOf(out.values());
    }

    /** Calls (or credits) spent with a provider in a month ({@code "2026-12"}). */
    public int callsIn(String provider, String month) {
        Long n = db.read().select(PRICE_FETCHES.CALLS).from(PRICE_FETCHES)
                .where(PRICE_FETCHES.PROVIDER.eq(provider)).and(PRICE_FETCHES.MONTH.eq(month)).fetchOne(PRICE_FETCHES.CALLS);
        return n == null ? 0 : n.intValue();
    }

    public void addCalls(String provider, String month, int calls) {
        if (calls <= 0) return;
        db.writeVoid(ctx -> ctx.insertInto(PRICE_FETCHES).set(PRICE_FETCHES.PROVIDER, provider).set(PRICE_FETCHES.MONTH, month)
                .set(PRICE_FETCHES.CALLS, (long) calls)
                .onConflict(PRICE_FETCHES.PROVIDER, PRICE_FETCHES.MONTH).doUpdate()
                .set(PRICE_FETCHES.CALLS, PRICE_FETCHES.CALLS.plus(calls)).execute());
    }

    public int count() {
        return db.read().fetchCount(PRICE_POINTS);
    }

    static PricePoint fromRecord(Record rec) {
        PricePointsRecord r = rec.into(PRICE_POINTS);
        return new PricePoint(r.getCoin(), r.getProvider(), r.getInterval(), UtcTime.parse(r.getTs()), r.getOpen(),
                r.getHigh(), r.getLow(), r.getClose(), r.getVolume(), UtcTime.parse(r.getFetchedAt()));
    }
}
