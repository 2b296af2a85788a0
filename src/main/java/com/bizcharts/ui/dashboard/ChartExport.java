package com.bizcharts.ui.dashboard;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the dashboard's charts as PNG files into a folder: each JFreeChart redrawn at 1200 x 600 (not a screen
 * grab, so it is sharp whatever the window size), and the gauge as a snapshot of its node (FX thread only).
 */
public final class ChartExport {

    static final int WIDTH = 1200, HEIGHT = 600;

    private ChartExport() {}

    /** @return the files written, in the map's order then the gauge */
    public static List<Path> saveAll(Map<String, JFreeChart> charts, Node gauge, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (var e : charts.entrySet()) {
            Path file = dir.resolve(e.getKey() + ".png");
            ChartUtils.saveChartAsPNG(file.toFile(), e.getValue(), WIDTH, HEIGHT);
            out.add(file);
        }
        if (gauge != null) {
            Path file = dir.resolve("fear-greed-gauge.png");
            SnapshotParameters params = new SnapshotParameters();
            ImageIO.write(SwingFXUtils.fromFXImage(gauge.snapshot(params, null), null), "png", file.toFile());
            out.add(file);
        }
        return out;
    }
}
