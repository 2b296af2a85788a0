/**
 * The Collect view: the live scraper's start/stop and state ({@code CollectViewModel}), and the Warosu import form
 * with its progress and the coverage chart ({@code WarosuImportViewModel}).
 */
package com.bizcharts.ui.collect;
