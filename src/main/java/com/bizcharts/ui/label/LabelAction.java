package com.bizcharts.ui.label;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.List;

/** Every keyboard action of the label view with its default keys: the keymap is data, shown in the help line. */
public enum LabelAction {
    BEARISH("bearish", new KeyCodeCombination(KeyCode.DIGIT1), new KeyCodeCombination(KeyCode.NUMPAD1)),
    NEUTRAL("neutral", new KeyCodeCombination(KeyCode.DIGIT2), new KeyCodeCombination(KeyCode.NUMPAD2)),
    BULLISH("bullish", new KeyCodeCombination(KeyCode.DIGIT3), new KeyCodeCombination(KeyCode.NUMPAD3)),
    SKIP("skip", new KeyCodeCombination(KeyCode.DIGIT0), new KeyCodeCombination(KeyCode.NUMPAD0), new KeyCodeCombination(KeyCode.S)),
    UNDO("undo", new KeyCodeCombination(KeyCode.U), new KeyCodeCombination(KeyCode.BACK_SPACE)),
    NOTE("note", new KeyCodeCombination(KeyCode.N)),
    NEXT("next", new KeyCodeCombination(KeyCode.RIGHT)),
    PREVIOUS("previous", new KeyCodeCombination(KeyCode.LEFT)),
    TOGGLE_PREDICTION("show/hide prediction", new KeyCodeCombination(KeyCode.P)),
    GUIDELINES("guidelines", new KeyCodeCombination(KeyCode.H)),
    FULL_IMAGE("full image", new KeyCodeCombination(KeyCode.F)),
    REVEAL("show a blurred image", new KeyCodeCombination(KeyCode.V));

    private final String label;
    private final List<KeyCombination> keys;

    LabelAction(String label, KeyCombination... keys) {
        this.label = label;
        this.keys = List.of(keys);
    }

    public String label() { return label; }

    public List<KeyCombination> keys() { return keys; }

    public static LabelAction forKey(javafx.scene.input.KeyEvent e) {
        for (LabelAction a : values()) for (KeyCombination k : a.keys) if (k.match(e)) return a;
        return null;
    }

    /** "1 bearish · 2 neutral · ..." for the help line. */
    public static String help() {
        StringBuilder sb = new StringBuilder();
        for (LabelAction a : values()) {
            if (!sb.isEmpty()) sb.append("   ");
            sb.append(a.keys.get(0).getDisplayText()).append(" ").append(a.label);
        }
        return sb.toString();
    }
}
