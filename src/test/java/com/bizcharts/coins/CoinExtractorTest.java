package com.bizcharts.coins;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CoinExtractorTest {

    private static final CoinExtractor EXTRACTOR = new CoinExtractor(CoinList.load(Path.of("does-not-exist.toml")));

    /** A CSV case's text: {@code \\n} stands for a line break. */
    private static List<CoinMention> mentions(String text) {
        return EXTRACTOR.inText(text.replace("\\n", "\n"), CoinMention.TEXT);
    }

    private static List<String> symbols(String text) {
        return mentions(text).stream().map(CoinMention::symbol).sorted().toList();
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

    /** Crypto talk somewhere in the post no longer makes a capitalised word a coin: it has to stand next to it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Some retard actually paid 126 thousand United States dollars for ONE Bitcoin|BTC",
            "there are retards who paid 53 united states dollars for ONE chainlink token|LINK",
            "paid $100k for ONE BTC and it's down 30% since|BTC",
            "AND NOW FOR THE ONE WE'VE ALL BEEN WAITING FOR:\\nLINK YTD PERFORMANCE: -56%|LINK",
            "The bags I'm holdin\\nIF I HAD JUST ONE WISH\\nONLY ONE DEMAND|''",
            "GAS PRICES ARE INSANE, bitcoin is the only hedge|BTC",
            "BEAM ME UP, I sold my eth at the top|ETH",
            "OM NAMAH SHIVAYA, I meditate before checking my crypto|''",
            "Just park into S&P 500, crypto is dead|''",
            "A ROSE BY ANY OTHER NAME, eth is still eth|ETH",
            "TRUMP SAYS the fed should cut rates, btc pumping|BTC",
            "theta decay is eating my options, should have bought btc|BTC",
            "took my dog to the vet, then checked my eth bags|ETH",
            "not one iota of difference between ETH and a stock|ETH",
            "ONE OF US! ONE OF US! btc to the moon|BTC",
            "in 2021 ONE of my friends made it on doge|DOGE",
    })
    void commonWordTickersNeedContextNextToThem(String text, String expected) {
        List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(","));
        assertThat(symbols(text)).containsExactlyElementsOf(want);
    }

    /** Real mentions of word-tickers keep counting, each by its rule. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "$ONE pumping, devs still shipping|ONE|CASHTAG",
            "harmony one devs are still building|ONE|NAME",
            "HARMONY ONE BRIDGE HACK WAS AN INSIDE JOB|ONE|NAME",
            "ONE/USDT just broke the downtrend|ONE|PAIR",
            "ONEUSDT longs getting liquidated|ONE|PAIR",
            "Day 151 of snailposting every day until LINK is at $100|LINK|WORD_NUMBER",
            "ITT: We summon $200 LINK eod|LINK|WORD_NUMBER",
            "It's actually insane that they're still allowing goyim to buy LINK at $12|LINK|WORD_NUMBER",
            "XRP: 150,000,000\\nLINK: 18.15\\nLTC: 7,000,000|LINK|WORD_NUMBER",
            "bought 5000 LINK at the bottom and never sold|LINK|WORD_NUMBER",
            "mostly with BTC / QNT / LINK. since I always held over a year|LINK|WORD_LIST",
            "We're on 2 chains now: SOL and BNB.|SOL|WORD_LIST",
            "SAAAR BULLISH NEWSES AND PARTNERSHIPS SAAAR XRP , LINK PARTNERSHIPS TO THE VISAS|LINK|WORD_LIST",
            "ETH LINK SOL all red today|SOL|WORD_LIST",
            "I am in tremendous pain due to LINK dumping the most and pumping the least.|LINK|WORD_MARKET",
            ">new captcha killed all LINK FUD threads|LINK|WORD_MARKET",
            "just staked my NEAR, feels good|NEAR|WORD_MARKET",
            "GAS FEES ON NEO ARE NOTHING, GAS token is undervalued|GAS|WORD_MARKET",
            "$S is the new fantom, sonic is going to eat|S|CASHTAG",
            "Sorry everybody, but since LINK was gaining in SAT value and started decoupling again BTC will dump|LINK|WORD_MARKET",
            "What went wrong with SUI? The only thing this coin does is drop, drop and drop.|SUI|WORD_CRYPTO_POST",
            "I've literally found the next KAS and I'm not telling any of you\\nI want to go back to crypto|KAS|WORD_CRYPTO_POST",
    })
    void commonWordTickersInCryptoContextCount(String text, String symbol, MentionRule rule) {
        assertThat(mentions(text)).filteredOn(m -> m.symbol().equals(symbol))
                .extracting(CoinMention::rule).containsExactly(rule);
    }

    @Test
    void aListOfWordTickersHoldsTogether() {
        assertThat(symbols("LINK, SOL, DOT bags are killing me")).containsExactly("DOT", "LINK", "SOL");
        assertThat(symbols("ETH LINK SOL all bleeding today")).containsExactly("ETH", "LINK", "SOL");
    }

    @Test
    void contextStopsAtTheLineAndTheSentence() {
        assertThat(symbols("ONE DAY I WILL MAKE IT\nbtc pumping")).containsExactly("BTC");
        assertThat(symbols("I will hold ONE thing dear. Pumping iron is the only gain")).isEmpty();
        assertThat(symbols("ONE thing I hold dear, pumping iron")).isEmpty(); // four words away
        assertThat(symbols("I will hold ONE thing, pumping iron")).containsExactly("ONE"); // two words away
    }

    @Test
    void onlyTickersTheListMarksByHandMayTakeTheirContextFromAnywhereInThePost() {
        // SUI is no English word: a post about crypto is enough. GALA is one: the post must talk crypto next to it.
        assertThat(symbols("What a SUI night that was. Anyway, crypto is dead")).containsExactly("SUI");
        assertThat(symbols("What a GALA night that was. Anyway, crypto is dead")).isEmpty();
        assertThat(symbols("SUI GENERIS, as my lawyer says")).isEmpty();
    }

    @Test
    void aWordTickerThatIsNotADictionaryWordIsStillFlaggedByTheList() {
        // OM is no wamerican word, but coins.toml marks it: "OM" alone is not Mantra; "$OM" is.
        assertThat(symbols("OM shanti, sold everything")).isEmpty();
        assertThat(symbols("$OM got rugged")).containsExactly("OM");
    }

    @Test
    void eachMentionKeepsTheSurestRuleAndItsConfidence() {
        List<CoinMention> m = EXTRACTOR.inPost("$ETH thread", "eth looking weak, LINK dumping");
        assertThat(m).containsExactly(new CoinMention("ETH", 0.95, "subject", MentionRule.CASHTAG),
                new CoinMention("ETH", 0.75, "text", MentionRule.TICKER_LOWER),
                new CoinMention("LINK", 0.55, "text", MentionRule.WORD_MARKET));
        assertThat(EXTRACTOR.inText("LINK dumping but $LINK is forever", CoinMention.TEXT))
                .containsExactly(new CoinMention("LINK", 0.95, "text", MentionRule.CASHTAG));
    }

    @Test
    void bundledListHasTheCommonCoinsAndFlagsWords() {
        List<Coin> coins = CoinList.load(null);
        assertThat(coins).hasSizeGreaterThan(80);
        // THETA is 'word = false' in coins.toml; the common-word list makes it one.
        assertThat(coins).filteredOn(Coin::word).extracting(Coin::symbol).contains("LINK", "SOL", "ONE", "GAS", "OM", "THETA");
        assertThat(coins).filteredOn(c -> !c.word()).extracting(Coin::symbol).contains("BTC", "ETH", "ADA");
        assertThat(coins).extracting(Coin::symbol).doesNotHaveDuplicates();
    }

    @Test
    void threadHookReadsSubjectAndCleanTextButNotRawHtml() {
        var op = new com.bizcharts.store.ThreadOp(7, "biz", "gas prices", "<span class=\"x\">$DOGE</span>",
                "rotating from monero into $LINK", null, null, java.time.Instant.EPOCH, 0, 0, null, null, false, false,
                com.bizcharts.store.ThreadOp.Source.LIVE);
        assertThat(EXTRACTOR.inThread(op)).containsExactlyInAnyOrder(new CoinMention("XMR", "text", MentionRule.NAME),
                new CoinMention("LINK", "text", MentionRule.CASHTAG));
    }
}
