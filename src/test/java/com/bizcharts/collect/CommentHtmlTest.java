package com.bizcharts.collect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommentHtmlTest {

    static Stream<Arguments> comments() {
        return Stream.of(
                Arguments.of("line breaks", "first<br>second<br><br>fourth", "first\nsecond\n\nfourth"),
                Arguments.of("entities", "it&#039;s &quot;over&quot; &amp; we&#039;re &lt;ngmi&gt;", "it's \"over\" & we're <ngmi>"),
                Arguments.of("legacy comma entity", "one&#44; two", "one, two"),
                Arguments.of("wbr inside urls", "https://twitter.com/monsterhunter/<wbr>status/123", "https://twitter.com/monsterhunter/status/123"),
                Arguments.of("greentext lines", "<span class=\"quote\">&gt;be me</span><br><span class=\"quote\">&gt;buy the top</span><br>it&#039;s over",
                        ">be me\n>buy the top\nit's over"),
                Arguments.of("quote links", "<a href=\"#p184187118\" class=\"quotelink\">&gt;&gt;184187118</a><br>kek", ">>184187118\nkek"),
                Arguments.of("dead links", "<span class=\"deadlink\">&gt;&gt;226644239</span> lol", ">>226644239 lol"),
                Arguments.of("cross-board link nested in a link",
                        "<a href=\"/x\"><a href=\"//boards.4channel.org/po/catalog#s=lft\" class=\"quotelink\">&gt;&gt;&gt;/po/lft</a></a>", ">>>/po/lft"),
                Arguments.of("spoilers keep their text", "buy <s>the top</s> now", "buy the top now"),
                Arguments.of("code blocks", "look<pre class=\"prettyprint\">x = 1</pre>done", "look\nx = 1\ndone"),
                Arguments.of("legacy quote wrapping a link",
                        "<span class=\"quote\"><a href=\"3856791#p3856796\" class=\"quotelink\">&gt;&gt;3856796</a></span>", ">>3856796"),
                Arguments.of("literal newline after br is layout", "mod note<br>\nsecond", "mod note\nsecond"),
                Arguments.of("wbr inside a ticker", "$LI<wbr>NK to 100", "$LINK to 100"),
                Arguments.of("empty greentext then spoiler", "<span class=\"quote\">&gt;</span><s>Teamplayer +2</s>", ">Teamplayer +2"),
                Arguments.of("unicode kept", "it\u2019s \uC544\uAE30", "it\u2019s \uC544\uAE30"),
                Arguments.of("embed leftover", "https://youtu.be/pRbOyG1VSgM [Embed]<br>watch", "https://youtu.be/pRbOyG1VSgM\nwatch"),
                Arguments.of("mod formatting", "<b>Rules</b> are <i>simple</i>", "Rules are simple"),
                Arguments.of("surrounding and repeated blank lines", "<br><br>a<br><br><br><br>b<br>", "a\n\nb"),
                Arguments.of("warosu paragraph layout", "<p itemprop=\"text\">\n<a href=\"#p1\" class=\"backlink\">&gt;&gt;1</a><br />ok\n</p>", ">>1\nok"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comments")
    void cleansComments(String name, String html, String text) {
        assertThat(CommentHtml.toText(html)).isEqualTo(text);
    }

    @Test
    void emptyAndMissingCommentsAreEmptyText() {
        assertThat(CommentHtml.toText(null)).isEmpty();
        assertThat(CommentHtml.toText("")).isEmpty();
        assertThat(CommentHtml.toText("<br><br>")).isEmpty();
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
    void plainFieldsAreUnescaped() {
        assertThat(CommentHtml.unescape("\uC544\uAE30&#039;\uB2E4\uD558\uCE74(70526865)")).isEqualTo("\uC544\uAE30'\uB2E4\uD558\uCE74(70526865)");
        assertThat(CommentHtml.unescape(null)).isNull();
    }

    @Test
    void subjectsAreDecodedAndBlankOnesAreAbsent() {
        assertThat(CommentHtml.subject("LINK &amp; ETH &#039;general&#039;")).isEqualTo("LINK & ETH 'general'");
        assertThat(CommentHtml.subject("  ")).isNull();
        assertThat(CommentHtml.subject(null)).isNull();
    }
}
