package dev.xmppreactive.client;

import dev.xmppreactive.stream.XmppException;

/**
 * The connection was silent for the keepalive interval and did not answer a probe within the
 * keepalive timeout: it is taken as dead and closed, and the session reconnects.
 */
public class KeepaliveTimeoutException extends XmppException {

  public KeepaliveTimeoutException(Keepalive keepalive) {
    super("no answer from the server within " + keepalive.timeout().toMillis()
        + " ms of a keepalive probe sent after " + keepalive.interval().toMillis()
        + " ms of silence");
  }
}
