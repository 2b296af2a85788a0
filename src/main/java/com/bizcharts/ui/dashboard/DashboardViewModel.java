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
        this.analysis = analysis;
        this.prices = prices;
        this.modelId = modelId;
        this.ex = ex;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        to.set(today);
        from.set(today.minusDays(89));
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
                ex.fx().execute(() -> {
                    if (gen == generation && d != previous) publish(d, coinDetail.get(), model, priceCoin.get() == null ? "BTC" : priceCoin.get());
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
        Instant start = first.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        if (series.isEmpty()) status.set("computing…");
        // every id announced so far was committed before this load reads: it covers them
        scoredSince.clear();
        long gen = generation;
        loading = true;
        ex.background().execute(() -> {
            try {
                String model = modelId.get();
                DashboardData d = DashboardData.load(analysis, prices, model, b, start, end, coin);
                String selected = coinDetail.get() != null ? coinDetail.get().coin() : d.coins().isEmpty() ? null : d.coins().get(0).coin();
                CoinDetail detail = selected == null ? null : detail(d.sentiment(), selected);
                ex.fx().execute(() -> {
                    // an older load (another range, the previous model) finishing last must not overwrite a newer one
                    if (gen == generation) publish(d, detail, model, coin);
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

    private void publish(DashboardData d, CoinDetail detail, String model, String coin) {
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
        status.set("model " + model + " · " + d.posts() + " posts" + (unscored > 0
                ? String.format(java.util.Locale.ROOT, " (%,d more in this range not scored by it yet)", unscored) : "") + " · " + (d.prices().isEmpty()
                ? "no " + coin + " prices stored: run 'bizcharts prices sync --coin " + coin + " --from DATE'"
                : d.prices().size() + " " + coin + " prices"));
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
