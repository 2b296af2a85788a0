package com.bizcharts.sentiment.ocr;

import com.bizcharts.coins.CoinExtractor;
import com.bizcharts.coins.CoinList;
import com.bizcharts.coins.CoinMention;
import com.bizcharts.coins.CoinMentionRepository;
import com.bizcharts.coins.MentionRule;
import com.bizcharts.store.Database;
import com.bizcharts.store.ThreadOp;
import com.bizcharts.store.ThreadRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ImageTextPassTest {

    @Test
    void readsThumbnailsOnceAndRecordsCoinsFromTheImage(@TempDir Path dir) throws Exception {
        ImageText ocr = ImageText.english();
        assumeTrue(ocr.enabled(), "Tesseract not installed here: " + ocr.disabledReason());
        Path images = dir.resolve("images");
        Files.createDirectories(images.resolve("biz"));
        BufferedImage img = new BufferedImage(640, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 640, 160);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 64));
        g.drawString("SELL BITCOIN", 30, 105);
        g.dispose();
        ImageIO.write(img, "png", images.resolve("biz/1s.png").toFile());
        try (Database db = Database.open(dir.resolve("o.db"))) {
            new ThreadRepository(db).upsert(List.of(op(1, "biz/1s.png"), op(2, "biz/gone.jpg")), Instant.EPOCH);
            CoinExtractor coins = new CoinExtractor(CoinList.load(null));
            ImageTextPass pass = new ImageTextPass(db, images, ocr, coins, Clock.systemUTC());
            ImageTextPass.Result r = pass.run(10);
            assertThat(r.read()).isEqualTo(2);
            assertThat(pass.textOf(1)).containsIgnoringCase("bitcoin");
            assertThat(new CoinMentionRepository(coins).ofThread(db.read(), 1))
                    .contains(new CoinMention("BTC", CoinMention.IMAGE_OCR, MentionRule.NAME));
            assertThat(pass.run(10).read()).isZero(); // each image is read once
        }
    }

    private static ThreadOp op(long id, String thumb) {
        return new ThreadOp(id, "biz", null, null, "", null, null, Instant.EPOCH.plusSeconds(id), 0, 0, null, thumb,
                false, false, ThreadOp.Source.LIVE);
    }
}
