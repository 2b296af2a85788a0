package com.bizcharts.collect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CommentHtmlTest {

    static Stream<Arguments> comments() {
        return Stream.of(
                Arguments.of("line breaks", "first<br>second<br><br>third", "first\nsecond\n\nthird"),
                Arguments.of("wbr inside a URL", "https://sites.google.com/site/pings<wbr>dex", "https://sites.google.com/site/pingsdex"),
                Arguments.of("wbr inside a ticker", "$LI<wbr>NK to 100", "$LINK to 100"),
                Arguments.of("quote link", "<a href=\"#p184187118\" class=\"quotelink\">&gt;&gt;184187118</a><br>wrong", ">>184187118\nwrong"),
                Arguments.of("cross-thread quote link", "Old <a href=\"/biz/thread/102685117#p102685117\" class=\"quotelink\">&gt;&gt;102685117</a>", "Old >>102685117"),
                Arguments.of("dead link", "<span class=\"deadlink\">&gt;&gt;226644239</span> lol", ">>226644239 lol"),
                Arguments.of("greentext lines", "<span class=\"quote\">&gt;be me</span><br><span class=\"quote\">&gt;buy the top</span><br>ngmi",
                        ">be me\n>buy the top\nngmi"),
                Arguments.of("empty greentext then spoiler", "<span class=\"quote\">&gt;</span><s>Teamplayer +2</s>", ">Teamplayer +2"),
                Arguments.of("spoiler", "it will <s>not</s> moon", "it will not moon"),
                Arguments.of("entities", "it&#039;s &quot;over&quot; &amp; we&#039;re &lt;3 &gt; you", "it's \"over\" & we're <3 > you"),
                Arguments.of("2012 comma entity", "yes&#44; sir", "yes, sir"),
                Arguments.of("unicode escapes already decoded", "it\u2019s 아기", "it\u2019s 아기"),
                Arguments.of("raw newline after br is layout", "one<br>\ntwo", "one\ntwo"),
                Arguments.of("embed leftover", "https://youtu.be/pRbOyG1VSgM [Embed]<br>watch", "https://youtu.be/pRbOyG1VSgM\nwatch"),
                Arguments.of("nested links (real 4chan output)",
                        "<a href=\"x\">see <a href=\"//boards.4channel.org/po/catalog#s=lft\" class=\"quotelink\">&gt;&gt;&gt;/po/lft</a></a> ok",
                        "see >>>/po/lft ok"),
                Arguments.of("legacy quotelink inside quote span",
                        "<span class=\"quote\"><a href=\"3856791#p3856796\" class=\"quotelink\">&gt;&gt;3856796</a></span><br>this",
                        ">>3856796\nthis"),
                Arguments.of("mod formatting", "<b>Rules</b> are <i>simple</i>", "Rules are simple"),
                Arguments.of("surrounding and repeated blank lines", "<br><br>a<br><br><br><br>b<br>", "a\n\nb"),
                Arguments.of("stray angle bracket text", "price &gt; 100k <3", "price > 100k <3")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comments")
    void cleansComment(String why, String html, String expected) {
        assertThat(CommentHtml.toText(html)).isEqualTo(expected);
    }

    @Test
    void nullAndBlankGiveEmptyText() {
        assertThat(CommentHtml.toText(null)).isEmpty();
        assertThat(CommentHtml.toText("  ")).isEmpty();
    }

    @Test
    void realLookingBizOp() {
        String html = "<span class=\"quote\">&gt;he bought LINK at $50</span><br><span class=\"quote\">&gt;he doesn&#039;t "
                + "know</span><br><br>what&#039;s the play anons? <a href=\"#p60123456\" class=\"quotelink\">&gt;&gt;60123456</a>"
                + "<br>https://www.coingecko.com/en/coins/<wbr>chainlink";
        assertThat(CommentHtml.toText(html)).isEqualTo(">he bought LINK at $50\n>he doesn't know\n\n"
                + "what's the play anons? >>60123456\nhttps://www.coingecko.com/en/coins/chainlink");
    }

    @Test
    void unescapesPlainFields() {
        assertThat(CommentHtml.unescape("Bitcoin &amp; Crypto General - /bcg/")).isEqualTo("Bitcoin & Crypto General - /bcg/");
        assertThat(CommentHtml.unescape("아기&#039;다하카(70526865)")).isEqualTo("아기'다하카(70526865)");
        assertThat(CommentHtml.unescape(null)).isNull();
    }
}
