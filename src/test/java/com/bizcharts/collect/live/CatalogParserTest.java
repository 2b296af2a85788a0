package com.bizcharts.collect.live;

import com.bizcharts.store.ThreadOp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogParserTest {

    private final CatalogParser parser = new CatalogParser("biz", URI.create("https://i.example.org"));

    private Map<Long, CatalogThread> parseFixture() {
        return parser.parse(Fixtures.bytes("catalog_biz.json")).stream()
                .collect(Collectors.toMap(t -> t.op().threadId(), Function.identity()));
    }

    @Test
    void readsEveryThreadWithItsPage() {
        List<CatalogThread> threads = parser.parse(Fixtures.bytes("catalog_biz.json"));
        assertThat(threads).extracting(t -> t.op().threadId())
                .containsExactly(60129100L, 60129201L, 60129333L, 60129444L, 60129555L);
        assertThat(threads).extracting(CatalogThread::page).containsExactly(1, 1, 1, 2, 2);
        assertThat(threads).allSatisfy(t -> assertThat(t.op().source()).isEqualTo(ThreadOp.Source.LIVE));
    }

    @Test
    void stickyClosedOpWithEscapedSubject() {
        ThreadOp op = parseFixture().get(60129100L).op();
        assertThat(op.sticky()).isTrue();
        assertThat(op.closed()).isTrue();
        assertThat(op.subject()).isEqualTo("Welcome to /biz/ - Business & Finance");
        assertThat(op.opTextClean()).isEqualTo("Rules\nShilling is not allowed.\n>>>/biz/rules");
        assertThat(op.opHtml()).contains("<b>Rules</b>");
    }

    @Test
    void fullOpFields() {
        CatalogThread t = parseFixture().get(60129201L);
        ThreadOp op = t.op();
        assertThat(op.board()).isEqualTo("biz");
        assertThat(op.name()).isEqualTo("Anonymous");
        assertThat(op.tripcode()).isNull();
        assertThat(op.postedAt()).isEqualTo(Instant.ofEpochSecond(1759889411));
        assertThat(op.replyCount()).isEqualTo(312);
        assertThat(op.imageCount()).isEqualTo(41);
        assertThat(op.sticky()).isFalse();
        assertThat(op.opTextClean()).isEqualTo(">SPY at ATH\n>still poor\n\nwhat's the play? >>60129150\n"
                + "https://finance.example.com/quote/SPY");
        ThreadOp.ImageFile f = op.file();
        assertThat(f.fileName()).isEqualTo("wojak & pink");
        assertThat(f.ext()).isEqualTo(".jpg");
        assertThat(f.size()).isEqualTo(120334L);
        assertThat(f.width()).isEqualTo(1024);
        assertThat(f.height()).isEqualTo(768);
        assertThat(f.thumbWidth()).isEqualTo(250);
        assertThat(f.thumbHeight()).isEqualTo(187);
        assertThat(f.md5()).isEqualTo("EMMiugv5enGTDwkleAuv0g==");
        assertThat(f.deleted()).isFalse();
        assertThat(f.imageUrl()).isEqualTo("https://i.example.org/biz/1759889411000.jpg");
        assertThat(f.thumbnailUrl()).isEqualTo("https://i.example.org/biz/1759889411000s.jpg");
        assertThat(t.tim()).isEqualTo(1759889411000L);
    }

    @Test
    void webmOpWithTripAndNoSubject() {
        CatalogThread t = parseFixture().get(60129333L);
        assertThat(t.op().subject()).isNull();
        assertThat(t.op().tripcode()).isEqualTo("!!Xk3jPq9LmZ");
        assertThat(t.op().opTextClean()).isEqualTo("$LINK is going to \u201cflip\u201d \"soon\" & I'm all in > 100 eoy");
        assertThat(t.op().file().ext()).isEqualTo(".webm");
        assertThat(t.op().file().isStillImage()).isFalse();
        assertThat(t.op().file().thumbnailUrl()).endsWith("/biz/1759890000555s.jpg");
    }

    @Test
    void gifOpWithoutComment() {
        ThreadOp op = parseFixture().get(60129444L).op();
        assertThat(op.opHtml()).isNull();
        assertThat(op.opTextClean()).isEmpty();
        assertThat(op.file().ext()).isEqualTo(".gif");
        assertThat(op.file().isStillImage()).isTrue();
    }

    @Test
    void deletedFileHasNoUrlsAndNoThumbnail() {
        CatalogThread t = parseFixture().get(60129555L);
        assertThat(t.op().file().deleted()).isTrue();
        assertThat(t.op().file().thumbnailUrl()).isNull();
        assertThat(t.tim()).isNull();
        assertThat(t.op().opTextClean()).isEqualTo("image got deleted lmao\n>>60120000");
    }

    @Test
    void legacyPageZeroAndMissingOptionalFields() {
        String legacy = "[{\"page\":0,\"threads\":[{\"no\":79149278,\"now\":\"01\\/28\\/13(Mon)13: 12\",\"name\":\"Anonymous\","
                + "\"sub\":\"\",\"trip\":\"\",\"sticky\":0,\"closed\":0,\"com\":\"yes&#44; sir\",\"time\":1359396727,\"resto\":0}]}]";
        CatalogThread t = parser.parse(legacy.getBytes(StandardCharsets.UTF_8)).getFirst();
        assertThat(t.page()).isZero();
        assertThat(t.op().subject()).isNull();
        assertThat(t.op().tripcode()).isNull();
        assertThat(t.op().file()).isNull();
        assertThat(t.op().replyCount()).isZero();
        assertThat(t.op().opTextClean()).isEqualTo("yes, sir");
    }

    @Test
    void generatedSampleIsAFullRealisticCatalog() {
        List<CatalogThread> threads = parser.parse(SampleCatalog.generate(150, 7));
        assertThat(threads).hasSize(150);
        assertThat(threads).extracting(CatalogThread::page).containsOnly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(threads.getFirst().op().sticky()).isTrue();
        assertThat(threads).anySatisfy(t -> assertThat(t.op().file().deleted()).isTrue());
        assertThat(threads).anySatisfy(t -> assertThat(t.op().file().ext()).isEqualTo(".webm"));
        assertThat(threads.get(1).op().opTextClean()).startsWith(">he bought ").contains("it's over >>");
    }

    @Test
    void emptyCatalogIsValid() {
        assertThat(parser.parse("[]".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void truncatedJsonIsRejectedClearly() {
        assertThatThrownBy(() -> parser.parse(Fixtures.bytes("catalog_truncated.json.txt")))
                .isInstanceOf(MalformedCatalogException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void wrongShapesAreRejectedClearly() {
        assertThatThrownBy(() -> parse("{\"page\":1}")).hasMessageContaining("not a JSON array");
        assertThatThrownBy(() -> parse("[{\"page\":1}]")).hasMessageContaining("threads array");
        assertThatThrownBy(() -> parse("[{\"page\":1,\"threads\":[{\"time\":5}]}]")).hasMessageContaining("no post number");
        assertThatThrownBy(() -> parse("[{\"page\":1,\"threads\":[{\"no\":7}]}]")).hasMessageContaining("thread 7 has no post time");
        assertThatThrownBy(() -> parse("[{\"page\":1,\"threads\":[{\"no\":7,\"time\":1,\"replies\":\"many\"}]}]"))
                .isInstanceOf(MalformedCatalogException.class).hasMessageContaining("'replies' is not an integer");
        assertThatThrownBy(() -> parse("[{\"page\":1,\"threads\":[{\"no\":7,\"time\":1,\"com\":5}]}]"))
                .hasMessageContaining("'com' is not text");
    }

    private List<CatalogThread> parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
