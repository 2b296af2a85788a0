package com.bizcharts.ui.dashboard;

import com.bizcharts.index.Bucket;
import com.bizcharts.index.CoinSentiment;
import com.bizcharts.index.ExtremesBacktest;
import com.bizcharts.index.IndexPoint;
import com.bizcharts.index.LeadLag;
import com.bizcharts.index.MarketAnalysis;
import com.bizcharts.index.PriceSeries;
import com.bizcharts.store.PriceRepository;
import com.bizcharts.sentiment.scoring.ScoringStatus;
import com.bizcharts.ui.common.UiExecutors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

/**
 * The dashboard's state: the range, bucket and price coin chosen; the index, its latest value, the price overlay,
 * the coin table, the selected coin's detail, the lead-lag cells and the backtest. All loading happens on the
 * background executor; results reach the FX executor once per refresh.
 */
public final class DashboardViewModel {

    /** The selected coin: its sentiment per bucket and its price. */
    public record CoinDetail(String coin, List<CoinSentiment.Row> rows, PriceSeries prices) {}

    private final MarketAnalysis analysis;
    private final PriceRepository prices;
    private final Supplier<String> modelId;
    private final UiExecutors ex;

    private final ObservableList<IndexPoint> series = FXCollections.observableArrayList();
    private final ObservableList<CoinRow> coins = FXCollections.observableArrayList();
    private final ObservableList<LeadLag.Cell> leadLag = FXCollections.observableArrayList();
    private final ObservableList<ExtremesBacktest.Result> backtests = FXCollections.observableArrayList();
    private final ObservableList<String> priceCoins = FXCollections.observableArrayList("BTC");
    private final ObjectProperty<IndexPoint> latest = new SimpleObjectProperty<>();
    private final ObjectProperty<PriceSeries> priceSeries = new SimpleObjectProperty<>();
    private final ObjectProperty<CoinDetail> coinDetail = new SimpleObjectProperty<>();
    private final ObjectProperty<Bucket> bucket = new SimpleObjectProperty<>(Bucket.DAY);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty priceCoin = new SimpleStringProperty("BTC");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty scoring = new SimpleStringProperty("");
    private volatile MarketAnalysis.Sentiment lastSentiment;
    // FX thread only: the load in flight and what asked for another meanwhile
    private long generation;
    private boolean loading, again, stale;
    private volatile boolean visible = true;
    private DashboardData shown;
    private final java.util.Set<Long> scoredSince = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public DashboardViewModel(MarketAnalysis analysis, PriceRepository prices, Supplier<String> modelId, UiExecutors ex, Clock clock) {
        this(analysis, prices, modelId, ex, clock, com.bizcharts.ui.common.ViewState.inMemory(), java.util.Optional::empty);
    }

    /**
     * @param state    the range, bucket and price coin last shown, restored here and kept on each load the user asks for
     * @param dataSpan when the store's first and last posts were posted: with no range kept, the dashboard opens on
     *                 the newest 90 days of data rather than of the clock (an archive imported a minute ago is not
     *                 "no posts in this range")
     */
    public DashboardViewModel(MarketAnalysis analysis, PriceRepository prices, Supplier<String> modelId, UiExecutors ex, Clock clock,
                              com.bizcharts.ui.common.ViewState state,
                              Supplier<java.util.Optional<com.bizcharts.store.ThreadRepository.PostingSpan>> dataSpan) {
        this.analysis = analysis;
        this.prices = prices;
        this.modelId = modelId;
        this.ex = ex;
        this.state = state;
        this.dataSpan = dataSpan;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        java.util.Optional<LocalDate> keptFrom = date(state, RANGE_FROM), keptTo = date(state, RANGE_TO);
        followData = keptFrom.isEmpty() || keptTo.isEmpty();
        to.set(keptTo.orElse(today));
        from.set(keptFrom.orElse(today.minusDays(DEFAULT_DAYS - 1)));
        state.get(RANGE_BUCKET).ifPresent(b -> {
            try {
                bucket.set(Bucket.valueOf(b));
            } catch (IllegalArgumentException e) {
                // a bucket from another version: the default stands
            }
        });
        state.get(PRICE_COIN).ifPresent(priceCoin::set);
    }

    static final int DEFAULT_DAYS = 90;
    private static final String RANGE_FROM = "dashboard.from", RANGE_TO = "dashboard.to", RANGE_BUCKET = "dashboard.bucket",
            PRICE_COIN = "dashboard.priceCoin";
    private final com.bizcharts.ui.common.ViewState state;
    private final Supplier<java.util.Optional<com.bizcharts.store.ThreadRepository.PostingSpan>> dataSpan;
    private boolean followData; // FX thread: no range chosen yet, so the first load picks the newest days of data

    private static java.util.Optional<LocalDate> date(com.bizcharts.ui.common.ViewState state, String key) {
        try {
            return state.get(key).map(LocalDate::parse);
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    public ObservableList<IndexPoint> series() { return series; }

    public ObservableList<CoinRow> coins() { return coins; }

    public ObservableList<LeadLag.Cell> leadLag() { return leadLag; }

    public ObservableList<ExtremesBacktest.Result> backtests() { return backtests; }

    public ObservableList<String> priceCoins() { return priceCoins; }

    public ObjectProperty<IndexPoint> latestProperty() { return latest; }

    public ObjectProperty<PriceSeries> priceSeriesProperty() { return priceSeries; }

    public ObjectProperty<CoinDetail> coinDetailProperty() { return coinDetail; }

    public ObjectProperty<Bucket> bucketProperty() { return bucket; }

    public ObjectProperty<LocalDate> fromProperty() { return from; }

    public ObjectProperty<LocalDate> toProperty() { return to; }

    public StringProperty priceCoinProperty() { return priceCoin; }

    public StringProperty statusProperty() { return status; }

    /** Non-empty while the active model has not scored every post: the data shown is partial, and why. */
    public StringProperty scoringProperty() { return scoring; }

    /**
     * The scoring service's state, from its thread: while posts wait for the active model the dashboard says so
     * instead of pretending its counts are whole. Call {@link #refresh} (throttled) for the new predictions.
     */
    public void showScoring(ScoringStatus s) {
        String text = partial(s);
        ex.fx().execute(() -> scoring.set(text));
    }

    static String partial(ScoringStatus s) {
        if (s == null) return "";
        return switch (s.state()) {
            case RESCORING -> "partial data: " + s.describe();
            case PAUSED, FAILED -> s.waiting() > 0 ? "partial data: " + s.describe() : "";
            default -> s.waiting() > 0 ? String.format(java.util.Locale.ROOT, "partial data: %,d posts not scored by %s yet",
                    s.waiting(), s.modelId()) : "";
        };
    }

    /** Recomputes everything for the chosen range, bucket and price coin (a newer request wins over one in flight). */
    public void refresh() {
        generation++;
        load();
    }

    /**
     * New predictions landed (called at most every 2 s): one load at a time, a request during a load runs once after
     * it, and none while the dashboard is not on screen (it catches up when shown), so a rescore never stacks loads.
     */
    public void refreshLive() {
        if (!visible) {
            stale = true;
            return;
        }
        if (loading) {
            again = true;
            return;
        }
        DashboardData previous = shown;
        String model = modelId.get();
        if (previous == null || !model.equals(previous.sentiment().modelId())) {
            load();
            return;
        }
        // only the buckets the newly scored posts fall in are read again (milliseconds on a million posts)
        List<Long> changed = List.copyOf(scoredSince);
        scoredSince.removeAll(changed);
        if (changed.isEmpty()) return;
        long gen = generation;
        loading = true;
        ex.background().execute(() -> {
            try {
                DashboardData d = DashboardData.update(analysis, previous, model, changed);
                String why = d.posts() == 0 ? emptyReason(d.sentiment(), model) : null;
                ex.fx().execute(() -> {
                    if (gen == generation && d != previous) publish(d, coinDetail.get(), model, priceCoin.get() == null ? "BTC" : priceCoin.get(), why);
                    loaded();
                });
            } catch (RuntimeException e) {
                ex.fx().execute(() -> {
                    status.set("could not update the dashboard: " + e.getMessage());
                    loaded();
                });
            }
        });
    }

    /** Posts just scored (from the scoring service's thread); the next {@link #refreshLive} re-reads their buckets. */
    public void scored(java.util.Collection<Long> threadIds) {
        if (visible) scoredSince.addAll(threadIds); // hidden, it reloads whole when shown: no need to keep a million ids
    }

    /** Whether the dashboard is on screen; shown again, it catches up with what landed meanwhile. */
    public void setVisible(boolean shown) {
        visible = shown;
        if (shown && stale) {
            stale = false;
            refresh(); // what landed while hidden was not kept: read the range whole
        }
    }

    private void load() {
        Bucket b = bucket.get();
        LocalDate first = from.get(), last = to.get();
        String coin = priceCoin.get() == null ? "BTC" : priceCoin.get();
        if (first == null || last == null || last.isBefore(first)) {
            status.set("choose a range: 'to' must not be before 'from'");
            return;
        }
        boolean fromData = followData;
        followData = false;
        if (!fromData) {
            state.put(RANGE_FROM, first);
            state.put(RANGE_TO, last);
            state.put(RANGE_BUCKET, b.name());
            state.put(PRICE_COIN, coin);
        }
        if (series.isEmpty()) status.set("computing…");
        // every id announced so far was committed before this load reads: it covers them
        scoredSince.clear();
        long gen = generation;
        loading = true;
        ex.background().execute(() -> {
            try {
                LocalDate f = first, l = last;
                if (fromData) {
                    var span = dataSpan.get();
                    if (span.isPresent()) {
                        l = LocalDate.ofInstant(span.get().last(), ZoneOffset.UTC);
                        f = l.minusDays(DEFAULT_DAYS - 1);
                    }
                }
                Instant start = f.atStartOfDay().toInstant(ZoneOffset.UTC);
                Instant end = l.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                String model = modelId.get();
                DashboardData d = DashboardData.load(analysis, prices, model, b, start, end, coin);
                String selected = coinDetail.get() != null ? coinDetail.get().coin() : d.coins().isEmpty() ? null : d.coins().get(0).coin();
                CoinDetail detail = selected == null ? null : detail(d.sentiment(), selected);
                LocalDate shownFrom = f, shownTo = l;
                String why = d.posts() == 0 ? emptyReason(d.sentiment(), model) : null;
                ex.fx().execute(() -> {
                    // an older load (another range, the previous model) finishing last must not overwrite a newer one
                    if (gen == generation) {
                        if (fromData) {
                            from.set(shownFrom);
                            to.set(shownTo);
                        }
                        publish(d, detail, model, coin, why);
                    }
                    loaded();
                });
            } catch (RuntimeException e) {
                ex.fx().execute(() -> {
                    status.set("could not compute the dashboard: " + e.getMessage());
                    loaded();
                });
            }
        });
    }

    private void loaded() {
        loading = false;
        if (again) {
            again = false;
            refreshLive();
        }
    }

    /** Shows a load's result (FX thread); {@code emptyReason}, read off the FX thread, is set when the range shows nothing. */
    private void publish(DashboardData d, CoinDetail detail, String model, String coin, String emptyReason) {
        shown = d;
        lastSentiment = d.sentiment();
        series.setAll(d.sentiment().index());
        coins.setAll(d.coins());
        leadLag.setAll(d.leadLag());
        backtests.setAll(d.backtests());
        if (!d.priceCoins().isEmpty() && !d.priceCoins().equals(priceCoins)) priceCoins.setAll(d.priceCoins());
        latest.set(d.latest());
        priceSeries.set(d.prices());
        coinDetail.set(detail);
        int unscored = d.sentiment().unscored();
        if (emptyReason != null) {
            status.set(emptyReason);
            return;
        }
        status.set("model " + model + " · " + d.posts() + " posts" + (unscored > 0
                ? String.format(java.util.Locale.ROOT, " (%,d more in this range not scored by it yet)", unscored) : "") + " · " + (d.prices().isEmpty()
                ? "no " + coin + " prices stored: run 'bizcharts prices sync --coin " + coin + " --from DATE'"
                : d.prices().size() + " " + coin + " prices"));
    }

    /** Why a range shows nothing, and what to do about it (reads the store: off the FX thread). */
    private String emptyReason(MarketAnalysis.Sentiment s, String model) {
        if (s.stored() == 0) {
            return dataSpan.get().map(span -> "no posts in this range; the store holds posts from "
                            + LocalDate.ofInstant(span.first(), ZoneOffset.UTC) + " to " + LocalDate.ofInstant(span.last(), ZoneOffset.UTC)
                            + ": choose those dates and press Refresh")
                    .orElse("no posts stored yet: start the live scraper or import from Warosu (Collect tab), or import labels (File menu)");
        }
        return String.format(java.util.Locale.ROOT, "%,d posts in this range, none scored by %s yet: the scorer is working on them"
                + " (status bar); the charts fill in as it goes", s.stored(), model);
    }

    private final ObservableList<com.bizcharts.index.BucketPost> explained = FXCollections.observableArrayList();
    private final StringProperty explainedTitle = new SimpleStringProperty("");
    private java.util.function.Consumer<List<Long>> labelThese = ids -> {};

    /** The posts behind the bucket last clicked, those that moved it most first. */
    public ObservableList<com.bizcharts.index.BucketPost> explained() { return explained; }

    /** What the explained list is about ("posts behind 2025-10-08: 25 counted"), empty before a click. */
    public StringProperty explainedTitleProperty() { return explainedTitle; }

    /** Where "label these" sends the explained posts (the label view, as a queue). */
    public void onLabelThese(java.util.function.Consumer<List<Long>> consumer) { labelThese = consumer; }

    /** Lists the posts behind the bucket that holds {@code t} (a click on the index), read off the FX thread. */
    public void explain(Instant t) {
        Bucket b = bucket.get();
        Instant start = b.start(t);
        long asked = ++explainGeneration; // a slower, earlier click must not overwrite this one
        explainedTitle.set("reading the posts behind " + describe(start, b) + "…");
        ex.background().execute(() -> {
            try {
                String model = modelId.get();
                List<com.bizcharts.index.BucketPost> posts = analysis.explain(model, b, start, EXPLAINED);
                ex.fx().execute(() -> {
                    if (asked != explainGeneration) return;
                    explained.setAll(posts);
                    explainedTitle.set(posts.isEmpty() ? "no post counts in " + describe(start, b)
                            : "posts behind " + describe(start, b) + ", most influential first (L: label these)");
                });
            } catch (RuntimeException e) {
                ex.fx().execute(() -> explainedTitle.set("could not read the posts behind " + describe(start, b) + ": " + e.getMessage()));
            }
        });
    }

    /** Sends the explained posts to the label view, in their order. */
    public void labelExplained() {
        if (!explained.isEmpty()) labelThese.accept(explained.stream().map(com.bizcharts.index.BucketPost::threadId).toList());
    }

    static final int EXPLAINED = 50;
    private long explainGeneration; // FX thread

    private static String describe(Instant start, Bucket b) {
        String day = LocalDate.ofInstant(start, ZoneOffset.UTC).toString();
        return b == Bucket.DAY ? day : day + " " + start.atZone(ZoneOffset.UTC).getHour() + ":00 UTC";
    }

    /** Shows one coin's sentiment and price in the detail chart. */
    public void selectCoin(String coin) {
        MarketAnalysis.Sentiment s = lastSentiment;
        if (coin == null || s == null) return;
        ex.background().execute(() -> {
            CoinDetail d = detail(s, coin);
            ex.fx().execute(() -> coinDetail.set(d));
        });
    }

    private CoinDetail detail(MarketAnalysis.Sentiment s, String coin) {
        List<CoinSentiment.Row> rows = s.coins().stream().filter(r -> r.coin().equals(coin)).toList();
        return new CoinDetail(coin, rows, analysis.prices(coin, s.from(), s.to(), s.bucket().length()));
    }
}
