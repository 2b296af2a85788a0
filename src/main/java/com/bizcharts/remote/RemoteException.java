package com.bizcharts.remote;

/** A remote step failed; the message says which and why, and never holds a secret. */
public final class RemoteException extends RuntimeException {
    public RemoteException(String message) {
        super(message);
    }
}
