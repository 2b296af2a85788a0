/**
 * The live /biz/ catalog scraper: {@link com.bizcharts.collect.live.CatalogParser} reads {@code catalog.json},
 * {@link com.bizcharts.collect.live.CatalogPoller} does one conditional poll (store in one transaction, then
 * thumbnails), {@link com.bizcharts.collect.live.LiveScraper} is the start/stop service the GUI and CLI observe.
 */
package com.bizcharts.collect.live;
