package com.bizcharts.sentiment.ocr;

import com.bizcharts.sentiment.PostInput;
import com.bizcharts.sentiment.lexicon.LexiconReading;
import com.bizcharts.sentiment.fusion.FusionWeights;
import com.bizcharts.sentiment.fusion.Signal;
import com.bizcharts.sentiment.fusion.SignalFusion;
import com.bizcharts.sentiment.fusion.SignalInput;
import com.bizcharts.sentiment.fusion.SignalReading;
import com.bizcharts.sentiment.image.Thumbnail;
import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.bizcharts.store.schema.Tables.IMAGE_TEXTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OcrSignalTest {

    /** Knows two words, enough to tell a bearish caption from a bullish one. */
    static final LexiconReading.Source LEXICON = text -> {
        String t = text.toLowerCase();
        double c = (t.contains("moon") ? 0.6 : 0) - (t.contains("over") ? 0.9 : 0);
        return new LexiconReading(c, 0, 0, 0, 0);
    };

    @Test
    void storedTextIsScoredByTheLexiconAndAbsentTextIsNoReading(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("o.db"))) {
            List<ThreadOp> ops = new ArrayList<>();
            for (long id = 1; id <= 4; id++) {
                ops.add(new ThreadOp(id, "biz", "", null, "", null, null, Instant.EPOCH.plusSeconds(id), 0, 0, null,
                        id + "s.jpg", false, false, ThreadOp.Source.LIVE));
            }
            new ThreadRepository(db).upsert(ops, Instant.EPOCH);
            db.writeVoid(ctx -> {
                insert(ctx, 1, "used", "IT'S OVER");
                insert(ctx, 2, "used", "   ");              // read, but no text in the image
                insert(ctx, 3, "undecodable", "");
            });                                               // 4 was never read
            OcrSignal signal = OcrSignal.stored(db, LEXICON);
            List<SignalReading> r = signal.read(List.of(input(1), input(2), input(3), input(4)));
            assertThat(r.get(0).signal()).isEqualTo(Signal.OCR);
            assertThat(r.get(0).probabilities()).containsExactly(new double[] {1.9 / 3, 1.0 / 3, 0.1 / 3}, within(1e-12));
            assertThat(r.get(0).detail()).isEqualTo("(image text 'IT'S OVER', lexicon -0.90)");
            assertThat(r.subList(1, 4)).containsOnlyNulls();
        }
    }

    @Test
    void ocrCountsWithTheWeightOfItsFamilyOnlyWhenPresent() {
        SignalFusion fusion = new SignalFusion(FusionWeights.prototype());
        double[] text = {0.2, 0.5, 0.3};
        SignalReading ocr = new OcrSignal(b -> List.of("to the moon"), LEXICON).reading("to the moon");
        double[] fused = fusion.fuse(List.of(SignalReading.of(Signal.TEXT, text), ocr)).probabilities();
        for (int k = 0; k < 3; k++) assertThat(fused[k]).isCloseTo((0.5 * text[k] + 0.1 * ocr.probabilities()[k]) / 0.6, within(1e-12));
        assertThat(fusion.fuse(List.of(SignalReading.of(Signal.TEXT, text))).probabilities()).containsExactly(text);
    }

    private static SignalInput input(long id) {
        return new SignalInput(new PostInput(id, "", "", null, 0, null), Thumbnail.NONE);
    }

    private static void insert(org.jooq.DSLContext ctx, long id, String status, String text) {
        ctx.insertInto(IMAGE_TEXTS).set(IMAGE_TEXTS.THREAD_ID, id).set(IMAGE_TEXTS.STATUS, status)
                .set(IMAGE_TEXTS.TEXT, text).set(IMAGE_TEXTS.READ_AT, "2026-01-01T00:00:00Z").execute();
    }
}
