package com.bizcharts.collect.live;

/** Told of every status change, on the scraper's own thread: hand off quickly (the GUI posts to the FX thread). */
@FunctionalInterface
public interface ScraperListener {
    void statusChanged(ScraperStatus status);
}
