package com.bizcharts.ui.models;

import com.bizcharts.learn.eval.AgreementReport;
import com.bizcharts.ui.common.UiExecutors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.function.Supplier;

/** The Models view's agreement panel: the report computed off the FX thread, shown as text. */
public final class AgreementViewModel {

    private final Supplier<AgreementReport> report;
    private final UiExecutors ex;
    private final StringProperty text = new SimpleStringProperty("");

    public AgreementViewModel(Supplier<AgreementReport> report, UiExecutors ex) {
        this.report = report;
        this.ex = ex;
    }

    public ReadOnlyStringProperty textProperty() { return text; }

    public void refresh() {
        text.set("computing agreement…");
        ex.background().execute(() -> {
            String t;
            try {
                t = String.join("\n", report.get().lines());
            } catch (RuntimeException e) {
                t = "could not compute agreement: " + e.getMessage();
            }
            String shown = t;
            ex.fx().execute(() -> text.set(shown));
        });
    }
}
