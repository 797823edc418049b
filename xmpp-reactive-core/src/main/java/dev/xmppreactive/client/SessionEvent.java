package dev.xmppreactive.client;

import dev.xmppreactive.jid.Jid;

/** What happens to a session over its life. */
public sealed interface SessionEvent {

  /** The session is bound and ready. */
  record Connected(Jid jid, ConnectAddress address) implements SessionEvent {
  }

  /** The session has ended; {@code cause} is {@code null} after a deliberate close. */
  record Closed(Throwable cause) implements SessionEvent {
  }
}
