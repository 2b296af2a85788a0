package com.bizcharts.ui.shell;

import com.bizcharts.app.Engine;
import com.bizcharts.store.labels.LabelFiles;
import com.bizcharts.ui.common.UiExecutors;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * File menu: import and export labels in the same formats as {@code labels import/export} (JSON lines or CSV), and
 * Quit (Ctrl+Q).
 */
public final class LabelsMenu {

    private LabelsMenu() {}

    public static Menu create(Engine engine, String labeler, UiExecutors ex, Supplier<Window> window, Consumer<String> report,
                              Runnable afterImport, Runnable quit) {
        MenuItem importItem = new MenuItem("Import labels…");
        importItem.setId("menu-import-labels");
        importItem.setOnAction(e -> importLabels(engine, labeler, ex, window, report, afterImport));
        MenuItem exportItem = new MenuItem("Export labels…");
        exportItem.setOnAction(e -> {
            FileChooser c = chooser("Export labels");
            c.setInitialFileName("labels.jsonl");
            File f = c.showSaveDialog(window.get());
            if (f == null) return;
            ex.background().execute(() -> {
                String text;
                try {
                    var rows = engine.labelling().labelTransfer().exportRows(null);
                    LabelFiles.write(f.toPath(), rows);
                    text = "exported " + rows.size() + " labels to " + f;
                } catch (RuntimeException ex2) {
                    text = "export failed: " + ex2.getMessage();
                }
                String t = text;
                ex.fx().execute(() -> report.accept(t));
            });
        });
        MenuItem quitItem = new MenuItem("Quit");
        quitItem.setId("menu-quit");
        quitItem.setAccelerator(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.Q, javafx.scene.input.KeyCombination.SHORTCUT_DOWN));
        quitItem.setOnAction(e -> quit.run());
        return new Menu("File", null, importItem, exportItem, new javafx.scene.control.SeparatorMenuItem(), quitItem);
    }

    /** Asks for a labels file and imports it off the FX thread (File > Import labels, and the empty label view's button). */
    public static void importLabels(Engine engine, String labeler, UiExecutors ex, Supplier<Window> window, Consumer<String> report,
                                    Runnable afterImport) {
        File f = chooser("Import labels").showOpenDialog(window.get());
        if (f == null) return;
        ex.background().execute(() -> {
            String text;
            try {
                var r = engine.labelling().labelTransfer().importRows(LabelFiles.read(f.toPath()),
                        labeler, Instant.now());
                text = "imported " + r.rows() + " rows: " + r.newLabels() + " new labels, " + r.conflicts().size() + " conflicts kept as they were";
            } catch (RuntimeException ex2) {
                text = "import failed, nothing imported: " + ex2.getMessage();
            }
            String t = text;
            ex.fx().execute(() -> {
                report.accept(t);
                afterImport.run();
            });
        });
    }

    private static FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Labels (JSON lines, CSV)", "*.jsonl", "*.csv"));
        return c;
    }
}
