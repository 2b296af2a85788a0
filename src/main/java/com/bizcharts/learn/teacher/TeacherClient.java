package com.bizcharts.learn.teacher;

import com.bizcharts.secrets.Redaction;

/** Sends one labeling request to a teacher and returns its raw reply. Retries transient failures itself. */
public interface TeacherClient {

    TeacherReply ask(TeacherRequest request) throws TeacherCallException;

    /**
     * What came from the teacher (a reason, a rationale) with secrets taken out, before it is stored or shown: a client
     * that sends a key removes that key too.
     */
    default String redact(String serverText) {
        return Redaction.redact(serverText);
    }

    /** The call failed for good (after retries); {@code fatal} ones (bad key, unknown model) stop the whole run. */
    final class TeacherCallException extends Exception {
        private final String kind;
        private final boolean fatal;

        public TeacherCallException(String kind, String message, boolean fatal) {
            super(message);
            this.kind = kind;
            this.fatal = fatal;
        }

        public String kind() { return kind; }

        public boolean fatal() { return fatal; }
    }
}
