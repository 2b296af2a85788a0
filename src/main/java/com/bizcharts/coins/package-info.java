/** Coins: the maintained coin list and the extraction of coin mentions from posts. */
package com.bizcharts.coins;
