package com.bizcharts.ui;

import javafx.application.Application;

/** Starts the JavaFX workstation from the plain {@code Main} class. */
public final class WorkstationLauncher {
    private WorkstationLauncher() {}

    public static void launch(String[] args) {
        Application.launch(WorkstationApp.class, args);
    }
}
