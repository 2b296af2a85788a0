package com.bizcharts.collect.warosu;

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

class WarosuPagesTest {

    static String page(String name) throws IOException {
        try (InputStream in = WarosuPagesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private final WarosuPages pages = new WarosuPages("biz", URI.create("https://warosu.example"));

    @Test
    void threadPageGivesTheOpWithTrueUtcTimeAndRepliesWithoutGhosts() throws Exception {
        ThreadOp op = pages.thread(page("thread-biz-61061591.html"));
        assertThat(op.threadId()).isEqualTo(61061591L);
        assertThat(op.subject()).isEqualTo("Gold & silver general, /gsg/");
        assertThat(op.tripcode()).isEqualTo("!!5e7vwvXe/3r");
        // From the image's tim (ms, true UTC), not the US-Eastern text "Wed Oct  8 01:57:59 2025".
        assertThat(op.postedAt()).isEqualTo(Instant.ofEpochSecond(1759903079L));
        assertThat(op.opTextClean()).isEqualTo("Live footage from banks shorting gold, >it's over for paper\n“we’re so back”");
        assertThat(op.replyCount()).isEqualTo(2);   // the ghost sub-reply is not a 4chan reply
        assertThat(op.imageCount()).isEqualTo(1);
        assertThat(op.file().imageUrl()).isEqualTo("https://i.warosu.org/data/biz/img/0610/61/1759903079314.jpg");
        assertThat(op.file().thumbnailUrl()).isEqualTo("https://i.warosu.org/data/biz/thumb/0610/61/1759903079314s.jpg");
        assertThat(op.file().fileName()).isEqualTo("banks, shorting gold.jpg");
        assertThat(op.file().size()).isEqualTo(152L * 1024);
        assertThat(op.file().width()).isEqualTo(1024);
        assertThat(op.file().md5()).isEqualTo("ENjiJza3IPo0LBo+u9lJEw==");
        assertThat(op.source()).isEqualTo(ThreadOp.Source.WAROSU);
    }

    @Test
    void searchPageInTheUnquotedMarkupGivesHitsAndTellsOpsFromReplies() throws Exception {
        WarosuPages.SearchPage r = pages.search(page("search-biz-bitcoin-offset0.html"));
        assertThat(r.hits()).extracting(WarosuPost::no).containsExactly(61080000L, 61079999L, 61079000L);
        assertThat(r.hits()).extracting(WarosuPost::op).containsExactly(true, false, true);
        assertThat(r.hits().get(1).threadNo()).isEqualTo(61070000L);  // S-prefixed ghost-mode thread link
        WarosuPost first = r.hits().get(0);
        assertThat(first.subject()).isEqualTo("bitcoin to 200k");
        assertThat(first.postedAt()).isEqualTo(Instant.ofEpochSecond(1760000000L));
        assertThat(first.fileSize()).isEqualTo(48L * 1024);
        // Without an image the posttime title is the only time there is.
        assertThat(r.hits().get(2).postedAt()).isEqualTo(Instant.ofEpochMilli(1759990000000L));
        List<WarosuPost> ops = r.ops();
        assertThat(ops).hasSize(2);
        assertThat(pages.toThreadOp(ops.get(0), 0, 0).opTextClean()).isEqualTo("$BTC is going up forever\n>he didn't buy");
    }

    @Test
    void postsWithoutAnImageAreShiftedByTheOffsetThePageShowsBetweenTitleAndTim() throws Exception {
        // The rewritten site's title holds the Eastern wall clock as if it were UTC (here EDT: 4 h early).
        WarosuPages.SearchPage r = pages.search(page("search-biz-eastern-titles.html"));
        assertThat(r.hits()).extracting(WarosuPost::no).containsExactly(61090000L, 61089000L);
        assertThat(r.hits().get(0).postedAt()).isEqualTo(Instant.ofEpochSecond(1760000000L));
        assertThat(r.hits().get(1).postedAt()).isEqualTo(Instant.ofEpochSecond(1759990000L));
    }

    @Test
    void anEmptySearchIsNotAnError() throws Exception {
        WarosuPages.SearchPage r = pages.search(page("search-none.html"));
        assertThat(r.noneFound()).isTrue();
        assertThat(r.hits()).isEmpty();
    }

    @Test
    void indexPageCountsOmittedAndShownReplies() throws Exception {
        List<ThreadOp> ops = pages.index(page("index-biz-page2.html"));
        assertThat(ops).extracting(ThreadOp::threadId).containsExactly(61090000L, 61090200L);
        assertThat(ops.get(0).replyCount()).isEqualTo(13);
        assertThat(ops.get(0).subject()).isEqualTo("LINK general");
        assertThat(ops.get(1).replyCount()).isZero();
        assertThat(ops.get(1).file()).isNull();
    }

    @Test
    void pagesThatAreNotWarosuAreRejected() {
        String cloudflare = "<html><head><title>Just a moment...</title></head><body><div id=cf-wrapper>checking</div></body></html>";
        assertThatThrownBy(() -> pages.search(cloudflare)).isInstanceOf(WarosuFormatException.class);
        assertThatThrownBy(() -> pages.thread(cloudflare)).hasMessageContaining("not a Warosu thread page");
        assertThatThrownBy(() -> pages.thread("<html><body><div class=content><div id=p5><blockquote>no time</blockquote></div></div></body></html>"))
                .hasMessageContaining("post 5 has no usable time");
    }

    @Test
    void indexPageRepliesLeaveOutGhostPostsAsTheThreadPageDoes() throws Exception {
        // 20 omitted + 1 archived reply shown; the 4 archive-only (ghost) replies shown below it are no 4chan replies
        List<ThreadOp> ops = pages.index(page("index-biz-ghosts.html"));
        assertThat(ops).extracting(ThreadOp::threadId).containsExactly(61095000L);
        assertThat(ops.get(0).replyCount()).isEqualTo(21);
    }

    @Test
    void everyKindOfPageCutShortIsRejectedEvenWhenJsoupCouldRepairIt() throws Exception {
        String thread = page("thread-biz-61061591.html");
        assertThatThrownBy(() -> pages.thread(thread.substring(0, thread.indexOf("</blockquote>"))))
                .isInstanceOf(WarosuFormatException.class).hasMessageContaining("thread page is incomplete");
        String index = page("index-biz-ghosts.html");
        assertThatThrownBy(() -> pages.index(index.substring(0, index.indexOf("<br class=\"newthr\""))))
                .hasMessageContaining("index page is incomplete");
        String search = page("search-biz-bitcoin-offset0.html");
        assertThatThrownBy(() -> pages.search(search.substring(0, search.lastIndexOf("<table class=navigation>"))))
                .hasMessageContaining("search page is incomplete");
        assertThat(pages.search(search).results()).isEqualTo(3);  // the whole page still reads
    }
}
