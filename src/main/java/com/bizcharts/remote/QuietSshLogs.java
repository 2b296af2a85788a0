package com.bizcharts.remote;

import org.slf4j.Logger;
import org.slf4j.event.Level;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * SSHJ's loggers with its ERROR and WARN lines turned into DEBUG. Every failure SSHJ logs also reaches our caller as
 * an exception, which {@link RemoteShell} turns into one message in our words (a changed host key, a dropped
 * connection, a wrong passphrase); SSHJ's own lines for the same event are a dozen lines of stack trace in front of
 * it (a changed host key: ~15 lines; every closed tunnel connection of 'remote serve': ~10). They stay available at
 * debug level ({@code org.slf4j.simpleLogger.log.net.schmizz=debug}) for diagnosis.
 */
final class QuietSshLogs implements net.schmizz.sshj.common.LoggerFactory {

    static final QuietSshLogs INSTANCE = new QuietSshLogs();

    private QuietSshLogs() {}

    @Override
    public Logger getLogger(String name) {
        return quiet(org.slf4j.LoggerFactory.getLogger(name));
    }

    @Override
    public Logger getLogger(Class<?> clazz) {
        return quiet(org.slf4j.LoggerFactory.getLogger(clazz));
    }

    static Logger quiet(Logger real) {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[]{Logger.class},
                (proxy, method, args) -> {
                    try {
                        return target(method).invoke(real, demote(args));
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** error(..) and warn(..) become debug(..) with the same arguments; everything else goes through as it is. */
    private static Method target(Method m) throws NoSuchMethodException {
        String to = switch (m.getName()) {
            case "error", "warn" -> "debug";
            case "isErrorEnabled", "isWarnEnabled" -> "isDebugEnabled";
            case "atError", "atWarn" -> "atDebug";
            default -> null;
        };
        return to == null ? m : Logger.class.getMethod(to, m.getParameterTypes());
    }

    private static Object[] demote(Object[] args) {
        if (args == null) return null;
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Level l && (l == Level.ERROR || l == Level.WARN)) out[i] = Level.DEBUG;
        }
        return out;
    }
}
