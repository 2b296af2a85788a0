package com.bizcharts.coins;

import java.util.List;

/**
 * A coin as the extractor knows it.
 *
 * @param word       whether a bare ticker is doubtful: a common English word (LINK, ONE, GAS) or marked
 *                   {@code word = true} in the coin list (SUI, KAS, OM); such a symbol counts only as a cashtag, by its
 *                   full name, in a trading pair, or in capitals with crypto context
 * @param commonWord whether the ticker is a common English word ({@link CommonWordTickers}): then the context must
 *                   stand next to it, not anywhere in the post
 */
public record Coin(String symbol, List<String> names, List<String> aliases, boolean word, boolean commonWord) {

    public Coin {
        word |= commonWord;
    }
}
