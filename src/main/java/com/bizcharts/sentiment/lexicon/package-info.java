/** The lexicon signal: VADER (faithful to vaderSentiment 3.3.2) with VADER's lexicon and the /biz/ slang. */
package com.bizcharts.sentiment.lexicon;
