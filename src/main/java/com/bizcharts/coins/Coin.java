package com.bizcharts.coins;

import java.util.List;

/**
 * A coin as the extractor knows it.
 *
 * @param word whether the symbol is also an everyday English word (LINK, SOL, ONE, GAS): such a symbol counts
 *             only as a cashtag, or in capitals in a post that talks crypto, or by its full name
 */
public record Coin(String symbol, List<String> names, List<String> aliases, boolean word) {}
