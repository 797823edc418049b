package dev.xmppreactive.client;

import dev.xmppreactive.tls.TlsSettings;
import dev.xmppreactive.tls.XmppTlsContext;
import java.util.Objects;

/**
 * The one {@link XmppTlsContext} of a client configuration: built at the first connection that needs
 * it, then shared by every connection (and reconnection) of that {@link XmppClient} and of the copies
 * its setters make while they keep the same {@link TlsSettings} instance. Building a context loads the
 * trust material and, with BouncyCastle, a JSSE provider and its crypto: about a megabyte that, built
 * per connection, each session would keep for its reconnections.
 *
 * <p>Not a registry: each memo belongs to the clients that were copied from one another, and goes
 * with them. A build that fails (unreadable trust material) is not remembered: the next connection
 * tries again and fails the same way, or succeeds once the file is there. Thread-safe.
 */
final class TlsContextMemo {

  private final TlsSettings settings;
  private volatile XmppTlsContext context;

  TlsContextMemo(TlsSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** The settings the context is built from. */
  TlsSettings settings() {
    return settings;
  }

  /**
   * This memo if it is for {@code next} (the same instance), else a new one: what a copy of the
   * client with {@code next} as its TLS settings shares.
   */
  TlsContextMemo forSettings(TlsSettings next) {
    return next == settings ? this : new TlsContextMemo(next);
  }

  /**
   * The context, built on first use.
   *
   * @throws dev.xmppreactive.tls.TlsException as {@link XmppTlsContext#create} does
   */
  XmppTlsContext get() {
    XmppTlsContext c = context;
    if (c == null) {
      synchronized (this) {
        c = context;
        if (c == null) {
          c = XmppTlsContext.create(settings);
          context = c;
        }
      }
    }
    return c;
  }
}
