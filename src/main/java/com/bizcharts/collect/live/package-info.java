/** The live /biz/ catalog scraper: catalog parsing, one-transaction polls, thumbnails, the background service. */
package com.bizcharts.collect.live;
