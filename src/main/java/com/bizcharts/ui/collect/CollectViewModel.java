package com.bizcharts.ui.collect;

import com.bizcharts.collect.live.LiveScraper;
import com.bizcharts.collect.live.LiveStatus;
import com.bizcharts.ui.common.UiExecutors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The live scraper as the Collect view shows it: its last status (state, last and next poll, new and updated
 * threads, errors) and the start/stop commands. The scraper publishes from its own thread; every status reaches the
 * view through the FX executor, one update per status.
 */
public final class CollectViewModel {

    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final LiveScraper scraper;
    private final UiExecutors ex;
    private final DateTimeFormatter time;

    private final ObjectProperty<LiveStatus> status = new SimpleObjectProperty<>(LiveStatus.stopped());
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty stopping = new SimpleBooleanProperty();
    private final StringProperty summary = new SimpleStringProperty();

    public CollectViewModel(LiveScraper scraper, UiExecutors ex, ZoneId zone) {
        this.scraper = scraper;
        this.ex = ex;
        this.time = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(zone);
        apply(scraper.status());
        scraper.addListener(s -> ex.fx().execute(() -> apply(s)));
    }

    public ReadOnlyObjectProperty<LiveStatus> statusProperty() { return status; }

    /** True from a start until the scraper has stopped (or failed). */
    public ReadOnlyBooleanProperty runningProperty() { return running; }

    /** True between asking the scraper to stop and its last write finishing. */
    public ReadOnlyBooleanProperty stoppingProperty() { return stopping; }

    /** One line: "live scraper: waiting · polls 3 · new 150 · updated 12 · errors 0 · last 12:00:01 · next 12:01:01". */
    public ReadOnlyStringProperty summaryProperty() { return summary; }

    public void start() {
        running.set(true);
        ex.background().execute(scraper::start);
    }

    /** Stops after the poll in flight has written what it fetched. */
    public void stop() {
        stopping.set(true);
        ex.background().execute(() -> {
            try {
                scraper.stop(STOP_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LiveStatus after = scraper.status();
            ex.fx().execute(() -> apply(after));
        });
    }

    /** "12:00:01", or "–" when there is none. */
    public String time(Instant at) {
        return at == null ? "–" : time.format(at);
    }

    private void apply(LiveStatus s) {
        status.set(s);
        boolean stopped = s.state() == LiveStatus.State.STOPPED || s.state() == LiveStatus.State.FAILED;
        // A STOPPED published before our start took effect must not flip the buttons back.
        if (!stopped || !scraper.running()) running.set(!stopped);
        if (stopped && !scraper.running()) stopping.set(false);
        summary.set(String.format(Locale.ROOT, "live scraper: %s · polls %d · new %d · updated %d%s · errors %d · last %s · next %s%s",
                s.fetchingThumbnails() ? "fetching thumbnails" : words(s.state()), s.polls(), s.newThreads(), s.updatedThreads(),
                thumbnails(s), s.errors(), time(s.lastPoll()), time(s.nextPoll()), s.lastError() == null ? "" : " · " + s.lastError()));
    }

    /** " · thumbnails 12/50" for the poll in progress or the last one; nothing when it fetched none. */
    static String thumbnails(LiveStatus s) {
        return s.thumbnailsWanted() == 0 ? "" : " · thumbnails " + s.thumbnailsDone() + "/" + s.thumbnailsWanted();
    }

    public static String words(LiveStatus.State state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
