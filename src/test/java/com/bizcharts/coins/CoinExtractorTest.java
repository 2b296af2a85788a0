package com.bizcharts.coins;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CoinExtractorTest {

    private static final CoinExtractor EXTRACTOR = new CoinExtractor(CoinList.load(Path.of("does-not-exist.toml")));

    private static List<String> symbols(String text) {
        return EXTRACTOR.inText(text, CoinMention.TEXT).stream().map(CoinMention::symbol).sorted().toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "$LINK to 100|LINK",
            "chainlink is the future|LINK",
            "link marines hold the line|LINK",
            "BTC and ETH pumping|BTC,ETH",
            "just bought some btc lol|BTC",
            "corn is going to 200k|BTC",
            "bitcoin cash is the real bitcoin|BCH,BTC",
            "$SOL and SOL summer|SOL",
            "my ONE coin is mooning|ONE",
            "monero or xmr, both fine|XMR",
            "$pengu airdrop|PENGU",
            "$FLOW and $CAKE bags|CAKE,FLOW",
            "pancakeswap yield farming|CAKE",
            "CHAINLINK TO THE MOON|LINK",
            "Bitcoin    Cash forever|BCH",
            "buying Fetch.AI and Monero|FET,XMR",
    })
    void findsMentions(String text, String expected) {
        assertThat(symbols(text)).containsExactlyElementsOf(List.of(expected.split(",")).stream().sorted().toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "link in bio",
            "one more time and I quit",
            "gas prices are insane where I live",
            "ONE MORE TIME",
            "near the top of my list",
            "I like the sun and the SOL invictus festival",
            "what does OP mean",
            "the dot on the map",
            "I think AR is overrated, etc",
            "just go with the flow",
            "making money is a piece of cake",
            "CAKE FOR MY BIRTHDAY",
    })
    void ambiguousWordsAloneAreNotCoins(String text) {
        assertThat(symbols(text)).isEmpty();
    }

    @Test
    void cashtagsAreSurerThanTickersAndSubjectIsItsOwnSource() {
        List<CoinMention> m = EXTRACTOR.inPost("$ETH thread", "eth looking weak, LINK holding");
        assertThat(m).contains(new CoinMention("ETH", 0.95, "subject"), new CoinMention("ETH", 0.75, "text"),
                new CoinMention("LINK", 0.55, "text"));
    }

    @Test
    void bundledListHasTheCommonCoinsAndFlagsWords() {
        List<Coin> coins = CoinList.load(null);
        assertThat(coins).hasSizeGreaterThan(80);
        assertThat(coins).filteredOn(Coin::word).extracting(Coin::symbol).contains("LINK", "SOL", "ONE", "GAS");
        assertThat(coins).extracting(Coin::symbol).doesNotHaveDuplicates();
    }

    @Test
    void threadHookReadsSubjectAndCleanTextButNotRawHtml() {
        var op = new com.bizcharts.store.ThreadOp(7, "biz", "gas prices", "<span class=\"x\">$DOGE</span>",
                "rotating from monero into $LINK", null, null, java.time.Instant.EPOCH, 0, 0, null, null, false, false,
                com.bizcharts.store.ThreadOp.Source.LIVE);
        assertThat(EXTRACTOR.inThread(op)).containsExactlyInAnyOrder(new CoinMention("XMR", 0.9, "text"),
                new CoinMention("LINK", 0.95, "text"));
    }
}
