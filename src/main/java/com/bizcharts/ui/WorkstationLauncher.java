package com.bizcharts.ui;

import com.bizcharts.app.Engine;
import com.bizcharts.app.Settings;
import javafx.application.Application;

/** Starts the JavaFX workstation from the plain {@code Main} class. */
public final class WorkstationLauncher {
    private WorkstationLauncher() {}

    public static void launch(String[] args) {
        WorkstationApp.openEngineEarly(() -> new Engine(Settings.load(Settings.DEFAULT_FILE, false)));
        Application.launch(WorkstationApp.class, args);
    }
}
