package com.bizcharts.coins;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CoinMentionsReportTest {

    @Test
    void countsPostsPerCoinBeforeAndAfterAndListsWhatChanged() {
        List<CoinMentionsReport.Post> posts = List.of(
                new CoinMentionsReport.Post(1, "", "Some retard actually paid 126 thousand dollars for ONE Bitcoin", 1),
                new CoinMentionsReport.Post(2, "", "Day 151 of snailposting every day until LINK is at $100", 3),
                new CoinMentionsReport.Post(3, "$ETH", "eth is fine", 2));
        StringWriter text = new StringWriter();
        CoinMentionsReport.print(new PrintWriter(text), posts, PreviousCoinExtractor.overBundledList(),
                new CoinExtractor(CoinList.load(null)), 10);
        assertThat(text.toString())
                .contains("3 posts; coin mentions (posts mentioning the coin): 3 before, 3 after.")
                .contains("| ONE | 1 | 0 | 1 | 0 | 1 | 0 |")
                .contains("| LINK | 0 | 1 | 0 | 1 | 0 | 0 |")
                .contains("| ETH | 1 | 1 | 0 | 0 | 0 | 0 |")
                .contains("| word_number | 0.70 | 1 |")
                .contains("- 1, bearish, removed (was 0.55): `…ome retard actually paid 126 thousand dollars for ONE Bitcoin`")
                .contains("- 2, bullish, added (word_number): `Day 151");
    }
}
