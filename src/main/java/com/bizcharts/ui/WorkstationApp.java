package com.bizcharts.ui;

import com.bizcharts.app.Engine;
import com.bizcharts.app.Settings;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The workstation window. A placeholder until the workstation issue builds the views. */
public final class WorkstationApp extends Application {

    private Engine engine;

    @Override
    public void init() {
        engine = new Engine(Settings.load(Settings.DEFAULT_FILE, false));
    }

    @Override
    public void start(Stage stage) {
        Label label = new Label("BizCharts Workstation: " + engine.threads().count() + " threads in "
                + engine.database().file());
        stage.setScene(new Scene(new StackPane(label), 960, 640));
        stage.setTitle("BizCharts Workstation");
        stage.show();
    }

    @Override
    public void stop() {
        engine.close();
    }
}
