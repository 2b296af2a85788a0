package com.bizcharts.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

import java.util.function.Supplier;

/**
 * The one window: Label, Dashboard, Collect and Models, one keystroke apart (Ctrl+1..4), a light/dark theme
 * toggle (Ctrl+T), and the status bar. Views are supplied by the caller so each feature owns its own; each is built
 * when its tab is first shown.
 */
public final class MainWindow {

    public record Section(String title, Supplier<Node> view) {}

    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final StatusBar statusBar;
    private final javafx.beans.property.BooleanProperty dark = new javafx.beans.property.SimpleBooleanProperty(false);

    public MainWindow(StatusBar statusBar, Section... sections) {
        this.statusBar = statusBar;
        for (Section s : sections) {
            Tab tab = new Tab(s.title());
            tab.setClosable(false);
            tab.setId("tab-" + s.title().toLowerCase(java.util.Locale.ROOT));
            tab.setUserData(s);
            tabs.getTabs().add(tab);
        }
        // Only the first view is built before the first frame; each other one when its tab is first shown, so a
        // cold start pays for one view's controls, styles and layout rather than all four.
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> build(now));
        if (!tabs.getTabs().isEmpty()) build(tabs.getTabs().get(0));
        root.setCenter(tabs);
        root.setBottom(statusBar.node());
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    public Parent root() {
        return root;
    }

    /** Puts a menu bar above the tabs. */
    public void setMenus(javafx.scene.control.Menu... menus) {
        root.setTop(new javafx.scene.control.MenuBar(menus));
    }

    public StatusBar statusBar() {
        return statusBar;
    }

    /** Installs the window's shortcuts on its scene. */
    public void installShortcuts(javafx.scene.Scene scene) {
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4};
        for (int i = 0; i < Math.min(digits.length, tabs.getTabs().size()); i++) {
            int index = i;
            scene.getAccelerators().put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN),
                    () -> tabs.getSelectionModel().select(index));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), this::toggleTheme);
    }

    /** Called on the FX thread with the index of the tab shown, each time it changes. */
    public void onSelected(java.util.function.IntConsumer listener) {
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> listener.accept(now.intValue()));
    }

    public int selectedIndex() {
        return tabs.getSelectionModel().getSelectedIndex();
    }

    public void select(int index) {
        tabs.getSelectionModel().select(index);
    }

    public void toggleTheme() {
        dark.set(!dark.get());
        Application.setUserAgentStylesheet(dark.get() ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    public boolean dark() {
        return dark.get();
    }

    /** True in the dark theme; what draws itself (charts) follows it. */
    public javafx.beans.property.ReadOnlyBooleanProperty darkProperty() {
        return dark;
    }

    private static void build(Tab tab) {
        if (tab == null || !(tab.getUserData() instanceof Section s)) return;
        tab.setUserData(null);
        Node content = s.view().get();
        tab.setContent(content == null ? placeholder(s.title()) : content);
    }

    private static Node placeholder(String title) {
        Label l = new Label(title + ": coming with its issue");
        l.getStyleClass().add("muted");
        return new StackPane(l);
    }
}
