package com.bizcharts.sentiment.ocr;

import com.bizcharts.coins.CoinExtractor;
import com.bizcharts.coins.CoinMention;
import com.bizcharts.store.Database;
import com.bizcharts.store.ImageTextRepository;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;


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
    private final ImageTextRepository texts;
    private final com.bizcharts.coins.CoinMentionRepository mentionsRepo;

    public ImageTextPass(Database db, Path imagesDir, ImageText ocr, CoinExtractor coins, Clock clock) {
        this.db = db;
        this.imagesDir = imagesDir;
        this.ocr = ocr;
        this.coins = coins;
        this.clock = clock;
        this.texts = new ImageTextRepository(db);
        this.mentionsRepo = new com.bizcharts.coins.CoinMentionRepository(coins);
    }

    public Result run(int limit) {
        if (!ocr.enabled()) return new Result(0, 0, 0, 0, ocr.disabledReason());
        long t0 = System.nanoTime();
        int read = 0, withText = 0, mentions = 0;
        while (read < limit) {
            List<ImageTextRepository.Unread> batch = texts.unread(Math.min(50, limit - read));
            if (batch.isEmpty()) break;
            record Done(long id, ImageText.Reading reading, List<CoinMention> found) {}
            List<Done> done = new ArrayList<>();
            for (var u : batch) {
                ImageText.Reading reading = ocr.read(imagesDir.resolve(u.thumbnailPath()));
                List<CoinMention> found = reading.text().isBlank() ? List.of() : coins.inText(reading.text(), CoinMention.IMAGE_OCR);
                done.add(new Done(u.threadId(), reading, found));
            }
            db.writeVoid(ctx -> {
                texts.save(ctx, done.stream().map(d -> new ImageTextRepository.Read(d.id(),
                        d.reading().status().name().toLowerCase(Locale.ROOT), d.reading().text())).toList(), clock.instant());
                for (Done d : done) mentionsRepo.add(ctx, d.id(), d.found());
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
        return texts.textOf(threadId);
    }
}
