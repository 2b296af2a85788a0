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
                Arguments.of("literal newline after br", "mod note<br>\nsecond", "mod note\n\nsecond"));
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
    void subjectsAreDecodedAndBlankOnesAreAbsent() {
        assertThat(CommentHtml.subject("LINK &amp; ETH &#039;general&#039;")).isEqualTo("LINK & ETH 'general'");
        assertThat(CommentHtml.subject("  ")).isNull();
        assertThat(CommentHtml.subject(null)).isNull();
    }
}
