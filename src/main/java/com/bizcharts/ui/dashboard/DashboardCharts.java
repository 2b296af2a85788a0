package com.bizcharts.ui.dashboard;

import com.bizcharts.index.CoinSentiment;
import com.bizcharts.index.IndexPoint;
import com.bizcharts.index.LeadLag;
import com.bizcharts.index.PriceSeries;
import com.bizcharts.ui.common.Palette;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.time.Millisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Font;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import static com.bizcharts.ui.common.Palette.awt;

/**
 * The dashboard's three JFreeChart charts: the index with a coin's price on a second axis, the selected coin's
 * sentiment with its price, and the lead-lag correlations. Data only changes through the update methods (FX thread).
 */
final class DashboardCharts {

    final JFreeChart index, coin, leadLag;
    private final TimeSeries indexSeries = new TimeSeries("Fear/Greed");
    private final TimeSeries indexPrice = new TimeSeries("price");
    private final TimeSeries coinSentiment = new TimeSeries("sentiment");
    private final TimeSeries coinPrice = new TimeSeries("price");
    private final XYSeriesCollection lagData = new XYSeriesCollection();
    private final TextTitle lagNote = new TextTitle("", new Font(Font.SANS_SERIF, Font.PLAIN, 11));

    DashboardCharts() {
        index = twoAxes("/biz/ Fear/Greed and price", indexSeries, "0 fear – 100 greed", indexPrice);
        XYPlot ip = index.getXYPlot();
        ip.getRangeAxis().setRange(0, 100);
        ip.addRangeMarker(new ValueMarker(50, java.awt.Color.GRAY, new BasicStroke(1f)));
        coin = twoAxes("coin sentiment and price", coinSentiment, "sentiment", coinPrice);
        coin.getXYPlot().getRangeAxis().setRange(-1, 1);
        coin.getXYPlot().addRangeMarker(new ValueMarker(0, java.awt.Color.GRAY, new BasicStroke(1f)));

        leadLag = ChartFactory.createXYLineChart("lead-lag: index vs forward returns", "lag (buckets; > 0 = sentiment first)",
                "correlation (Pearson)", lagData, PlotOrientation.VERTICAL, true, true, false);
        XYPlot lp = leadLag.getXYPlot();
        lp.getRangeAxis().setRange(-1, 1);
        lp.addRangeMarker(new ValueMarker(0, java.awt.Color.GRAY, new BasicStroke(1f)));
        lp.addDomainMarker(new ValueMarker(0, java.awt.Color.LIGHT_GRAY, new BasicStroke(1f)));
        ((NumberAxis) lp.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        java.awt.Color[] colours = {awt(Palette.NEUTRAL), awt(Palette.ACCENT), awt(Palette.PRICE)};
        for (int i = 0; i < colours.length; i++) r.setSeriesPaint(i, colours[i]);
        lp.setRenderer(r);
        leadLag.addSubtitle(lagNote);
        for (JFreeChart c : List.of(index, coin, leadLag)) c.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        // the time charts zoom (wheel, drag a box) and pan (Alt+drag) in time; the coin chart follows the index's time axis
        for (JFreeChart c : List.of(index, coin)) c.getXYPlot().setDomainPannable(true);
        index.getXYPlot().getDomainAxis().addChangeListener(e -> {
            var shown = index.getXYPlot().getDomainAxis().getRange();
            var follower = coin.getXYPlot().getDomainAxis();
            if (!follower.getRange().equals(shown) && !index.getXYPlot().getDomainAxis().isAutoRange()) follower.setRange(shown);
        });
        applyTheme(false);
    }

    /** Back to the whole range after zooming or panning. */
    void resetZoom() {
        for (JFreeChart c : List.of(index, coin)) {
            XYPlot plot = c.getXYPlot();
            plot.getDomainAxis().setAutoRange(true);
            if (plot.getRangeAxis(1) != null) plot.getRangeAxis(1).setAutoRange(true);
        }
        index.getXYPlot().getRangeAxis().setRange(0, 100);
        coin.getXYPlot().getRangeAxis().setRange(-1, 1);
    }

    /** Redraws the charts in the theme's ink (a white plot with a light grid, or Primer Dark's canvas). */
    void applyTheme(boolean dark) {
        Palette.ChartInk ink = Palette.chart(dark);
        java.awt.Color text = awt(ink.text());
        for (JFreeChart c : List.of(index, coin, leadLag)) {
            c.setBackgroundPaint(awt(ink.background()));
            c.getTitle().setPaint(text);
            for (int i = 0; i < c.getSubtitleCount(); i++) {
                if (c.getSubtitle(i) instanceof TextTitle t) t.setPaint(text);
                if (c.getSubtitle(i) instanceof org.jfree.chart.title.LegendTitle l) {
                    l.setBackgroundPaint(awt(ink.background()));
                    l.setItemPaint(text);
                }
            }
            XYPlot plot = c.getXYPlot();
            plot.setBackgroundPaint(awt(ink.plot()));
            plot.setDomainGridlinePaint(awt(ink.grid()));
            plot.setRangeGridlinePaint(awt(ink.grid()));
            plot.setOutlinePaint(awt(ink.grid()));
            List<org.jfree.chart.axis.ValueAxis> axes = new ArrayList<>();
            for (int i = 0; i < plot.getDomainAxisCount(); i++) axes.add(plot.getDomainAxis(i));
            for (int i = 0; i < plot.getRangeAxisCount(); i++) axes.add(plot.getRangeAxis(i));
            for (var axis : axes) {
                if (axis == null) continue;
                axis.setLabelPaint(text);
                axis.setTickLabelPaint(text);
                axis.setAxisLinePaint(awt(ink.grid()));
                axis.setTickMarkPaint(awt(ink.grid()));
            }
        }
    }

    private static JFreeChart twoAxes(String title, TimeSeries left, String leftLabel, TimeSeries right) {
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, "time (UTC)", leftLabel, new TimeSeriesCollection(left),
                true, true, false);
        XYPlot plot = chart.getXYPlot();
        plot.getRenderer().setSeriesPaint(0, awt(Palette.BULLISH));
        plot.getRenderer().setSeriesStroke(0, new BasicStroke(2f));
        NumberAxis priceAxis = new NumberAxis("price (USD)");
        priceAxis.setAutoRangeIncludesZero(false);
        plot.setRangeAxis(1, priceAxis);
        plot.setDataset(1, new TimeSeriesCollection(right));
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer priceLine = new XYLineAndShapeRenderer(true, false);
        priceLine.setSeriesPaint(0, awt(Palette.PRICE));
        priceLine.setSeriesStroke(0, new BasicStroke(1.5f));
        plot.setRenderer(1, priceLine);
        return chart;
    }

    void showIndex(List<IndexPoint> points, PriceSeries prices, Instant from, Instant to) {
        indexSeries.clear();
        indexSeries.setNotify(false);
        // a bucket without posts is a gap, not a value: the line breaks there instead of running flat across it
        for (IndexPoint p : points) indexSeries.addOrUpdate(new Millisecond(Date.from(p.bucket())), p.posts() > 0 ? (Number) p.value() : null);
        indexSeries.setNotify(true);
        fill(indexPrice, prices, from, to);
        indexPrice.setKey(prices == null || prices.isEmpty() ? "price (none stored)" : prices.coin() + " (USD)");
        index.setTitle("/biz/ Fear/Greed" + (prices == null || prices.isEmpty() ? "" : " and " + prices.coin()));
        index.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    }

    void showCoin(DashboardViewModel.CoinDetail d, List<Instant> buckets, Instant from, Instant to) {
        coinSentiment.clear();
        coinPrice.clear();
        if (d == null) return;
        coinSentiment.setNotify(false);
        // buckets where the coin went unmentioned break the line (null), as the index's empty buckets do
        for (Instant b : buckets) coinSentiment.addOrUpdate(new Millisecond(Date.from(b)), (Number) null);
        for (CoinSentiment.Row r : d.rows()) coinSentiment.addOrUpdate(new Millisecond(Date.from(r.bucket())), r.sentiment());
        coinSentiment.setNotify(true);
        fill(coinPrice, d.prices(), from, to);
        coinSentiment.setKey(d.coin() + " sentiment");
        coinPrice.setKey(d.prices().isEmpty() ? "no " + d.coin() + " prices stored" : d.coin() + " (USD)");
        coin.setTitle(d.coin() + ": sentiment and price");
        coin.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    }

    void showLeadLag(List<LeadLag.Cell> cells, String priceCoin) {
        lagData.removeAllSeries();
        List<String> notes = new ArrayList<>();
        for (var h : LeadLag.HORIZONS) {
            XYSeries s = new XYSeries(LeadLag.label(h) + " returns");
            LeadLag.Cell atZero = null;
            for (LeadLag.Cell c : cells) {
                if (!c.signal().equals("index") || !c.horizon().equals(h)) continue;
                if (!Double.isNaN(c.pearson())) s.add(c.lag(), c.pearson());
                if (c.lag() == 0) atZero = c;
            }
            lagData.addSeries(s);
            if (atZero != null) {
                notes.add(String.format(Locale.ROOT, "%s: n=%d (%.0f independent)%s", LeadLag.label(h), atZero.n(),
                        atZero.nIndependent(), atZero.note() != null ? " – " + atZero.note() : atZero.tooFew() ? " – too few samples" : ""));
            }
        }
        leadLag.setTitle("lead-lag: index vs " + priceCoin + " forward returns");
        leadLag.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        lagNote.setText(notes.isEmpty() ? "no " + priceCoin + " prices stored: nothing to compare with" : String.join("   ", notes));
    }

    private static void fill(TimeSeries s, PriceSeries prices, Instant from, Instant to) {
        s.clear();
        if (prices == null) return;
        // one batch: fireSeriesChanged once, not per point (thousands of hourly closes)
        s.setNotify(false);
        prices.points().subMap(from, true, to, true).forEach((t, p) -> s.addOrUpdate(new Millisecond(Date.from(t)), p));
        s.setNotify(true);
    }
}
