package com.bizcharts.ui.remote;

import com.bizcharts.remote.HostKeyTrust;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

import java.util.concurrent.CompletableFuture;

/**
 * The GUI's answer when the remote layer meets a host it has never seen: a dialog with the key's SHA256
 * fingerprint. Only "Trust and connect" lets {@link HostKeyTrust} record the key in known_hosts; closing or
 * cancelling refuses the connection. Asked from a background thread, it waits for the user on the FX thread.
 */
public final class HostKeyDialog implements HostKeyTrust.FirstUse {

    static final ButtonType TRUST = new ButtonType("Trust and connect", ButtonBar.ButtonData.OK_DONE);

    @Override
    public boolean confirm(String host, String keyType, String sha256Fingerprint) {
        if (Platform.isFxApplicationThread()) return ask(host, keyType, sha256Fingerprint);
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(ask(host, keyType, sha256Fingerprint));
            } catch (RuntimeException e) {
                answer.complete(false);
            }
        });
        return answer.join();
    }

    private static boolean ask(String host, String keyType, String fingerprint) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text(host, keyType, fingerprint), TRUST, ButtonType.CANCEL);
        alert.setTitle("Unknown SSH host");
        alert.setHeaderText("First connection to " + host);
        alert.getDialogPane().setId("host-key-dialog");
        alert.getDialogPane().setMinWidth(560);
        return alert.showAndWait().filter(TRUST::equals).isPresent();
    }

    /** What the user compares before trusting: the fingerprint as OpenSSH prints it. */
    static String text(String host, String keyType, String fingerprint) {
        return "The training machine " + host + " is not in known_hosts. Its " + keyType + " host key fingerprint is\n\n"
                + fingerprint + "\n\nCompare it with the one the machine shows (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub,"
                + " or the RunPod console) before trusting it. Trusting records the key in known_hosts; a changed key"
                + " is always refused later.";
    }
}
