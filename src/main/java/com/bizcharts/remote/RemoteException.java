package com.bizcharts.remote;

/** A remote step failed; the message says which and why, and never holds a secret. */
public final class RemoteException extends RuntimeException {

    private final boolean connectionLost;

    public RemoteException(String message) {
        this(message, false);
    }

    private RemoteException(String message, boolean connectionLost) {
        super(message);
        this.connectionLost = connectionLost;
    }

    /**
     * The network let us down (connection dropped, refused, timed out) while the machine itself may be fine: a job
     * there goes on, and connecting again may well work. Never a refused host key or login, which retrying cannot fix.
     */
    public static RemoteException connectionLost(String message) {
        return new RemoteException(message, true);
    }

    public boolean connectionLost() { return connectionLost; }
}
