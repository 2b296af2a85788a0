package com.bizcharts.collect.live;

import com.bizcharts.store.ThreadOp;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogParserTest {

    static byte[] fixture() throws IOException {
        try (InputStream in = CatalogParserTest.class.getResourceAsStream("catalog-biz.json")) {
            return in.readAllBytes();
        }
    }

    private final CatalogParser parser = new CatalogParser("biz", URI.create("https://i.example/"));

    @Test
    void readsEveryOpWithItsPageAndFile() throws Exception {
        List<CatalogEntry> entries = parser.parse(fixture());
        assertThat(entries).extracting(e -> e.op().threadId())
                .containsExactly(55000001L, 55123456L, 55123999L, 55124000L, 55124001L);
        assertThat(entries).extracting(CatalogEntry::page).containsExactly(1, 1, 2, 2, 2);

        ThreadOp sticky = entries.get(0).op();
        assertThat(sticky.sticky()).isTrue();
        assertThat(sticky.closed()).isTrue();
        assertThat(sticky.subject()).isEqualTo("Welcome to /biz/ - Business & Finance");
        assertThat(sticky.opTextClean()).isEqualTo("Read the rules.\n\nNo shilling 'coins'.");

        ThreadOp link = entries.get(1).op();
        assertThat(link.postedAt()).isEqualTo(Instant.ofEpochSecond(1768914100));
        assertThat(link.opTextClean()).isEqualTo(">tfw 1000 LINK\nwe're so backack");
        assertThat(link.opHtml()).contains("<span class=\"quote\">");
        assertThat(link.replyCount()).isEqualTo(57);
        assertThat(link.file().thumbnailUrl()).isEqualTo("https://i.example/biz/1768914100123s.jpg");
        assertThat(link.file().imageUrl()).isEqualTo("https://i.example/biz/1768914100123.jpg");
        assertThat(link.file().md5()).isEqualTo("abcdEFGHijklMNOPqrstUV==");
        assertThat(link.source()).isEqualTo(ThreadOp.Source.LIVE);
        assertThat(entries.get(1).tim()).isEqualTo(1768914100123L);

        assertThat(entries.get(2).op().tripcode()).isEqualTo("!Ep8pui8Vw2");
        assertThat(entries.get(2).op().subject()).isNull();
        assertThat(entries.get(2).op().file().isStillImage()).isTrue();

        ThreadOp webm = entries.get(3).op();
        assertThat(webm.opTextClean()).isEmpty();          // image-only OP: no "com" at all
        assertThat(webm.opHtml()).isNull();
        assertThat(webm.file().isStillImage()).isFalse();  // still has a .jpg thumbnail
        assertThat(entries.get(3).tim()).isEqualTo(1768917900777L);

        ThreadOp deleted = entries.get(4).op();
        assertThat(deleted.file().deleted()).isTrue();
        assertThat(entries.get(4).tim()).isNull();
    }

    @Test
    void rejectsPayloadsThatAreNotCatalogs() {
        assertThatThrownBy(() -> parser.parse("{\"posts\":[]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CatalogFormatException.class).hasMessageContaining("not a JSON array");
        assertThatThrownBy(() -> parser.parse("[{\"page\":1,\"threads\":[{\"no\":1,\"time\":5},{\"no\":2".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> parser.parse("[{\"page\":1}]".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("without a threads array");
        assertThatThrownBy(() -> parser.parse("[{\"page\":1,\"threads\":[{\"no\":7}]}]".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("thread 7 has no time");
        assertThatThrownBy(() -> parser.parse("<html>cloudflare</html>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void legacyPageZeroIsAccepted() throws Exception {
        List<CatalogEntry> e = parser.parse("[{\"page\":0,\"threads\":[{\"no\":3,\"time\":1346968800,\"sticky\":0,\"trip\":\"\",\"sub\":\"\"}]}]"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(e.get(0).page()).isZero();
        assertThat(e.get(0).op().tripcode()).isNull();
        assertThat(e.get(0).op().subject()).isNull();
        assertThat(e.get(0).op().file()).isNull();
    }
}
