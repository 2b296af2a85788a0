package com.bizcharts.ui.dashboard;

import com.bizcharts.store.Database;
import com.bizcharts.store.Label;
import com.bizcharts.store.LabelRepository;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import com.bizcharts.ui.common.UiExecutors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static com.bizcharts.store.schema.Tables.COIN_MENTIONS;
import static org.assertj.core.api.Assertions.assertThat;

class DashboardViewModelTest {

    @Test
    void refreshFillsTheSeriesTheLatestValueAndTheCoins(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("d.db"))) {
            Instant day = Instant.parse("2026-05-10T09:00:00Z");
            List<ThreadOp> ops = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                ops.add(new ThreadOp(i + 1, "biz", null, null, "t", null, null, day.plusSeconds(i * 60L), 0, 0, null, null,
                        false, false, ThreadOp.Source.LIVE));
            }
            new ThreadRepository(db).upsert(ops, day);
            LabelRepository labels = new LabelRepository(db);
            for (int i = 0; i < 25; i++) labels.save(Label.rated(i + 1, 3, "a", day.plusSeconds(3600), null, null));
            db.writeVoid(ctx -> ctx.insertInto(COIN_MENTIONS).set(COIN_MENTIONS.THREAD_ID, 1L).set(COIN_MENTIONS.COIN_SYMBOL, "SOL")
                    .set(COIN_MENTIONS.CONFIDENCE, 0.95).set(COIN_MENTIONS.MENTION_SOURCE, "subject").execute());
            DashboardViewModel vm = new DashboardViewModel(db, () -> "none", UiExecutors.sameThread(),
                    Clock.fixed(Instant.parse("2026-05-10T18:00:00Z"), ZoneOffset.UTC));
            vm.daysProperty().set(30);
            vm.refresh();
            assertThat(vm.series()).hasSize(30);
            assertThat(vm.latestProperty().get().bucket()).isEqualTo(Instant.parse("2026-05-10T00:00:00Z"));
            assertThat(vm.latestProperty().get().value()).isGreaterThan(70);
            assertThat(vm.coins()).singleElement().satisfies(r -> assertThat(r.coin()).isEqualTo("SOL"));
            assertThat(vm.statusProperty().get()).contains("25 posts");
        }
    }
}
