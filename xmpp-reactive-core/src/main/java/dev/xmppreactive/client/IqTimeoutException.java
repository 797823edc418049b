package dev.xmppreactive.client;

import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stream.XmppException;
import java.time.Duration;

/**
 * No reply came to an IQ request within its timeout (RFC 6120 §8.2.3 says every get and set gets a
 * result or an error; a reply that does not come is a lost request, a slow peer, or a dead connection).
 * A reply that comes after the timeout is passed on as an ordinary inbound stanza.
 */
public class IqTimeoutException extends XmppException {

  private final transient Iq request;
  private final Duration timeout;

  public IqTimeoutException(Iq request, Duration timeout) {
    super("no reply within " + timeout.toMillis() + " ms to IQ " + request.type().value() + " id='" + request.id() + "'" + (request.to() == null ? ""
        : " to " + request.to()));
    this.request = request;
    this.timeout = timeout;
  }

  /** The request that got no reply. */
  public Iq request() {
    return request;
  }

  /** The timeout that passed. */
  public Duration timeout() {
    return timeout;
  }
}
