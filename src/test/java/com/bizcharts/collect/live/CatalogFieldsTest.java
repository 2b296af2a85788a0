package com.bizcharts.collect.live;

import com.bizcharts.store.ThreadOp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every catalog field and quirk, on a second fixture in the real format (escaped slashes, webm/gif, trips). */
class CatalogFieldsTest {

    private final CatalogParser parser = new CatalogParser("biz", URI.create("https://i.example.org"));

    private Map<Long, CatalogEntry> parseFixture() throws Exception {
        return parser.parse(Fixtures.bytes("catalog_biz.json")).stream()
                .collect(Collectors.toMap(t -> t.op().threadId(), Function.identity()));
    }

    @Test
    void stickyClosedOpWithEscapedSubjectAndCrossBoardLink() throws Exception {
        ThreadOp op = parseFixture().get(60129100L).op();
        assertThat(op.sticky()).isTrue();
        assertThat(op.closed()).isTrue();
        assertThat(op.subject()).isEqualTo("Welcome to /biz/ - Business & Finance");
        assertThat(op.opTextClean()).isEqualTo("Rules\nShilling is not allowed.\n>>>/biz/rules");
        assertThat(op.opHtml()).contains("<b>Rules</b>");
    }

    @Test
    void everyFileFieldIsRead() throws Exception {
        CatalogEntry t = parseFixture().get(60129201L);
        ThreadOp op = t.op();
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
        assertThat(f.imageUrl()).isEqualTo("https://i.example.org/biz/1759889411000.jpg");
        assertThat(f.thumbnailUrl()).isEqualTo("https://i.example.org/biz/1759889411000s.jpg");
        assertThat(t.tim()).isEqualTo(1759889411000L);
    }

    @Test
    void webmOpWithSecureTripAndEntities() throws Exception {
        CatalogEntry t = parseFixture().get(60129333L);
        assertThat(t.op().subject()).isNull();
        assertThat(t.op().tripcode()).isEqualTo("!!Xk3jPq9LmZ");
        assertThat(t.op().opTextClean()).isEqualTo("$LINK is going to \u201cflip\u201d \"soon\" & I'm all in > 100 eoy");
        assertThat(t.op().file().ext()).isEqualTo(".webm");
        assertThat(t.op().file().isStillImage()).isFalse();
        assertThat(t.op().file().thumbnailUrl()).endsWith("/biz/1759890000555s.jpg");
    }

    @Test
    void gifOpWithoutCommentAndDeletedFileOp() throws Exception {
        Map<Long, CatalogEntry> all = parseFixture();
        ThreadOp gif = all.get(60129444L).op();
        assertThat(gif.opHtml()).isNull();
        assertThat(gif.opTextClean()).isEmpty();
        assertThat(gif.file().ext()).isEqualTo(".gif");
        CatalogEntry deleted = all.get(60129555L);
        assertThat(deleted.op().file().deleted()).isTrue();
        assertThat(deleted.op().file().thumbnailUrl()).isNull();
        assertThat(deleted.tim()).isNull();
        assertThat(deleted.op().opTextClean()).isEqualTo("image got deleted lmao\n>>60120000");
        assertThat(deleted.page()).isEqualTo(2);
    }

    @Test
    void truncatedFixtureIsRejected() {
        assertThatThrownBy(() -> parser.parse(Fixtures.bytes("catalog_truncated.json.txt")))
                .isInstanceOf(CatalogFormatException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void fieldsOfTheWrongTypeRejectTheCatalog() {
        assertThatThrownBy(() -> parse("[{\"page\":1,\"threads\":[{\"no\":7,\"time\":1,\"replies\":\"many\"}]}]"))
                .isInstanceOf(CatalogFormatException.class).hasMessageContaining("'replies' is not an integer");
        assertThatThrownBy(() -> parse("[{\"page\":1,\"threads\":[{\"no\":7,\"time\":1,\"com\":5}]}]"))
                .hasMessageContaining("'com' is not text");
        assertThatThrownBy(() -> parse("[{\"page\":\"one\",\"threads\":[]}]"))
                .hasMessageContaining("page number is not an integer");
    }

    private void parse(String json) throws CatalogFormatException {
        parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
