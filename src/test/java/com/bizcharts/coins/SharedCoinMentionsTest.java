package com.bizcharts.coins;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The common-word rules on the real labeled posts in ../shared (run with -Pshared-data): the mentions they remove are
 * the ones checked by eye in docs/store.md ("Coin mentions: common-word tickers"), Harmony's four false ONEs.
 */
@Tag("shared-data")
class SharedCoinMentionsTest {

    @Test
    void onlyTheFalseOnesAreRemovedOnTheLabeledPosts() throws IOException {
        Path file = com.bizcharts.shared.SharedData.find("data/biz-labels/train.jsonl").orElse(null);
        assumeTrue(file != null, "../shared/data/biz-labels/train.jsonl not present");
        List<CoinMentionsReport.Change> changes = CoinMentionsReport.compare(CoinMentionsReport.read(file),
                PreviousCoinExtractor.overBundledList(), new CoinExtractor(CoinList.load(null)));
        List<CoinMentionsReport.Change> removed = changes.stream().filter(c -> c.before() != null && c.after() == null).toList();
        assertThat(removed).extracting(CoinMentionsReport.Change::symbol).containsOnly("ONE").hasSize(4);
        assertThat(changes).filteredOn(c -> c.symbol().equals("ONE") && c.after() != null).isEmpty();
        assertThat(changes).filteredOn(c -> c.symbol().equals("LINK") && c.after() != null).hasSizeGreaterThanOrEqualTo(35);
    }
}
