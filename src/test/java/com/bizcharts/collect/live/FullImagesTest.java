package com.bizcharts.collect.live;

import com.bizcharts.collect.http.Backoff;
import com.bizcharts.collect.http.BodyCap;
import com.bizcharts.collect.http.LoopbackServer;
import com.bizcharts.collect.http.LoopbackServer.Reply;
import com.bizcharts.collect.http.PoliteHttp;
import com.bizcharts.collect.http.RequestPacer;
import com.bizcharts.store.ThreadOp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The label view's F: a post's full image fetched once, checked, kept; clear errors for what cannot be shown. */
class FullImagesTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};

    @Test
    void fetchesOnceKeepsItAndRefusesWhatIsNotAnImage(@TempDir Path dir) throws Exception {
        try (LoopbackServer server = new LoopbackServer(req -> switch (req.path()) {
            case "/biz/1700000000001.png" -> new Reply(200, PNG, Map.of(), 0);
            case "/biz/1700000000002.jpg" -> Reply.of(200, "<html>blocked</html>");
            default -> Reply.of(404, "");
        })) {
            FullImages images = new FullImages(new PoliteHttp(RequestPacer.realTime(Duration.ofMillis(1)),
                    new Backoff(Duration.ofMillis(1), Duration.ofMillis(2), 1), Duration.ofSeconds(5), "test"),
                    dir, BodyCap.ofKilobytes("full image", 64, null));
            Path got = images.fetch(op(1, server.base() + "/biz/1700000000001.png"));
            assertThat(got).isEqualTo(dir.resolve("biz/full/1.png"));
            assertThat(Files.readAllBytes(got)).isEqualTo(PNG);
            int requests = server.seen.size();
            assertThat(images.fetch(op(1, server.base() + "/biz/1700000000001.png"))).isEqualTo(got);
            assertThat(server.seen).hasSize(requests); // the second look costs nothing

            assertThatThrownBy(() -> images.fetch(op(2, server.base() + "/biz/1700000000002.jpg")))
                    .isInstanceOf(IOException.class).hasMessageContaining("is not a JPEG, PNG or GIF");
            assertThat(dir.resolve("biz/full/2.jpg")).doesNotExist();
            assertThatThrownBy(() -> images.fetch(op(3, server.base() + "/biz/1700000000003.jpg")))
                    .isInstanceOf(IOException.class).hasMessageContaining("is gone");
            assertThatThrownBy(() -> images.fetch(op(4, server.base() + "/biz/1700000000004.webm")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a .webm cannot be shown");
            assertThatThrownBy(() -> images.fetch(op(5, null))).hasMessageContaining("post 5 has no image");
        }
    }

    private static ThreadOp op(long id, String imageUrl) {
        ThreadOp.ImageFile file = imageUrl == null ? null : new ThreadOp.ImageFile("f", null, 10L, 1, 1, 1, 1, null, false, imageUrl, null);
        return new ThreadOp(id, "biz", null, null, "text", null, null, Instant.parse("2026-01-01T00:00:00Z"), 0, file == null ? 0 : 1,
                file, null, false, false, ThreadOp.Source.LIVE);
    }
}
