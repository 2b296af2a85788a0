package com.bizcharts.ui.dashboard;

import com.bizcharts.index.Bucket;
import com.bizcharts.index.CoinSentiment;
import com.bizcharts.index.FearGreedIndex;
import com.bizcharts.index.IndexData;
import com.bizcharts.index.IndexPoint;
import com.bizcharts.store.Database;
import com.bizcharts.ui.common.UiExecutors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** The dashboard's data: the index series, the latest value and the coin table, computed off the FX thread. */
public final class DashboardViewModel {

    private final Database db;
    private final Supplier<String> modelId;
    private final UiExecutors ex;
    private final Clock clock;

    private final ObservableList<IndexPoint> series = FXCollections.observableArrayList();
    private final ObservableList<CoinSentiment.Row> coins = FXCollections.observableArrayList();
    private final ObjectProperty<IndexPoint> latest = new SimpleObjectProperty<>();
    private final ObjectProperty<Bucket> bucket = new SimpleObjectProperty<>(Bucket.DAY);
    private final ObjectProperty<Integer> days = new SimpleObjectProperty<>(90);
    private final StringProperty status = new SimpleStringProperty("");

    public DashboardViewModel(Database db, Supplier<String> modelId, UiExecutors ex, Clock clock) {
        this.db = db;
        this.modelId = modelId;
        this.ex = ex;
        this.clock = clock;
    }

    public ObservableList<IndexPoint> series() { return series; }

    public ObservableList<CoinSentiment.Row> coins() { return coins; }

    public ObjectProperty<IndexPoint> latestProperty() { return latest; }

    public ObjectProperty<Bucket> bucketProperty() { return bucket; }

    public ObjectProperty<Integer> daysProperty() { return days; }

    public StringProperty statusProperty() { return status; }

    public void refresh() {
        Bucket b = bucket.get();
        int span = days.get();
        status.set("computing…");
        ex.background().execute(() -> {
            Instant end = b.start(clock.instant()).plus(b.length());
            Instant start = end.minus(Duration.ofDays(span));
            Instant baselineStart = start.minus(Duration.ofDays(30));
            String model = modelId.get();
            var perBucket = new IndexData(db).load(model, b, baselineStart, end);
            int first = (int) ((start.getEpochSecond() - baselineStart.getEpochSecond()) / b.length().toSeconds());
            List<IndexPoint> points = FearGreedIndex.compute(b, baselineStart, perBucket, first);
            List<CoinSentiment.Row> rows = CoinSentiment.compute(b, start, perBucket.subList(first, perBucket.size()));
            List<CoinSentiment.Row> lastRows = rows.isEmpty() ? List.of()
                    : rows.stream().filter(r -> r.bucket().equals(rows.get(rows.size() - 1).bucket()))
                    .sorted((x, y) -> Integer.compare(y.mentions(), x.mentions())).toList();
            IndexPoint last = points.stream().filter(IndexPoint::sufficient).reduce((a, c) -> c).orElse(points.isEmpty() ? null : points.get(points.size() - 1));
            ex.fx().execute(() -> {
                series.setAll(points);
                coins.setAll(lastRows);
                latest.set(last);
                status.set("model " + model + " · " + points.stream().mapToInt(IndexPoint::posts).sum() + " posts");
            });
        });
    }
}
