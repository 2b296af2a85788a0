/**
 * Where API keys may travel and how they are kept out of text: {@code Redaction} takes keys (the one sent, and
 * anything shaped like a key or a bearer token) out of every server text before it is printed, logged or stored;
 * {@code KeyTransport} refuses to send a key over plain http:// to a host other than this machine's loopback.
 * Keys themselves come from the environment or the keyring ({@code learn.teacher.ApiKeys}), never from settings.
 */
package com.bizcharts.secrets;
