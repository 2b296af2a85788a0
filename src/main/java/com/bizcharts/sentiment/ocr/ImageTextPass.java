package com.bizcharts.sentiment.ocr;

import com.bizcharts.coins.CoinExtractor;
import com.bizcharts.coins.CoinMention;
import com.bizcharts.store.Database;
import com.bizcharts.store.UtcTime;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.bizcharts.store.schema.Tables.COIN_MENTIONS;
import static com.bizcharts.store.schema.Tables.IMAGE_TEXTS;
import static com.bizcharts.store.schema.Tables.THREAD_OPS;

/**
 * Reads the text in thumbnails that have not been read yet (newest first), stores it in {@code image_texts} and
 * the coins it names in {@code coin_mentions} with source {@code image_ocr}. Each batch is one transaction. When
 * OCR is unavailable nothing is recorded, so the posts are read once it is installed.
 */
public final class ImageTextPass {

    public record Result(int read, int withText, int coinMentions, double seconds, String disabledReason) {
        public double perSecond() { return seconds == 0 ? 0 : read / seconds; }
    }

    private final Database db;
    private final Path imagesDir;
    private final ImageText ocr;
    private final CoinExtractor coins;
    private final Clock clock;

    public ImageTextPass(Database db, Path imagesDir, ImageText ocr, CoinExtractor coins, Clock clock) {
        this.db = db;
        this.imagesDir = imagesDir;
        this.ocr = ocr;
        this.coins = coins;
        this.clock = clock;
    }

    public Result run(int limit) {
        if (!ocr.enabled()) return new Result(0, 0, 0, 0, ocr.disabledReason());
        long t0 = System.nanoTime();
        int read = 0, withText = 0, mentions = 0;
        while (read < limit) {
            var batch = db.read().select(THREAD_OPS.THREAD_ID, THREAD_OPS.THUMBNAIL_PATH).from(THREAD_OPS)
                    .where(THREAD_OPS.THUMBNAIL_PATH.isNotNull())
                    .and(THREAD_OPS.THREAD_ID.notIn(db.read().select(IMAGE_TEXTS.THREAD_ID).from(IMAGE_TEXTS)))
                    .orderBy(THREAD_OPS.POSTED_AT.desc()).limit(Math.min(50, limit - read)).fetch();
            if (batch.isEmpty()) break;
            record Done(long id, ImageText.Reading reading, List<CoinMention> found) {}
            List<Done> done = new ArrayList<>();
            for (var r : batch) {
                ImageText.Reading reading = ocr.read(imagesDir.resolve(r.value2()));
                List<CoinMention> found = reading.text().isBlank() ? List.of() : coins.inText(reading.text(), CoinMention.IMAGE_OCR);
                done.add(new Done(r.value1(), reading, found));
            }
            String now = UtcTime.format(clock.instant());
            db.writeVoid(ctx -> {
                for (Done d : done) {
                    ctx.insertInto(IMAGE_TEXTS).set(IMAGE_TEXTS.THREAD_ID, d.id())
                            .set(IMAGE_TEXTS.STATUS, d.reading().status().name().toLowerCase(Locale.ROOT))
                            .set(IMAGE_TEXTS.TEXT, d.reading().text()).set(IMAGE_TEXTS.READ_AT, now)
                            .onConflictDoNothing().execute();
                    for (CoinMention m : d.found()) {
                        ctx.insertInto(COIN_MENTIONS).set(COIN_MENTIONS.THREAD_ID, d.id()).set(COIN_MENTIONS.COIN_SYMBOL, m.symbol())
                                .set(COIN_MENTIONS.CONFIDENCE, m.confidence()).set(COIN_MENTIONS.MENTION_SOURCE, m.source())
                                .onConflictDoNothing().execute();
                    }
                }
                // the OCR signal reads this text: the posts are scored again with it
                db.announceChanged(done.stream().filter(d -> d.reading().text() != null && !d.reading().text().isBlank())
                        .map(Done::id).toList());
            });
            for (Done d : done) {
                read++;
                if (!d.reading().text().isBlank()) withText++;
                mentions += d.found().size();
            }
        }
        return new Result(read, withText, mentions, (System.nanoTime() - t0) / 1e9, "");
    }

    /** The text read from a post's thumbnail, or empty. */
    public String textOf(long threadId) {
        return db.read().select(IMAGE_TEXTS.TEXT).from(IMAGE_TEXTS).where(IMAGE_TEXTS.THREAD_ID.eq(threadId))
                .fetchOptional(r -> r.value1()).orElse("");
    }
}
