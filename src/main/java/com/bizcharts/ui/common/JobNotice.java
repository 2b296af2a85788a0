package com.bizcharts.ui.common;

import javafx.scene.Node;
import org.controlsfx.control.Notifications;

/**
 * A finished long job (an import, a training run) said in a ControlsFX notification at the window's corner, so the
 * labeler sees it without watching the form that started it. A window not on screen gets none.
 */
public final class JobNotice {

    private JobNotice() {}

    /** Call on the FX thread; {@code failed} shows it as an error. */
    public static void show(Node owner, String title, String text, boolean failed) {
        if (owner == null || owner.getScene() == null || owner.getScene().getWindow() == null || !owner.getScene().getWindow().isShowing()) return;
        Notifications n = Notifications.create().owner(owner.getScene().getWindow()).title(title).text(text)
                .hideAfter(javafx.util.Duration.seconds(failed ? 12 : 6));
        if (failed) n.showError();
        else n.showInformation();
    }
}
