package dev.xmppreactive.benchmarks.load;

import java.util.concurrent.CompletableFuture;

/** A bound session of a {@link LoadClient}. */
interface LoadSession {

  /** The full JID the session is bound to. */
  String jid();

  /** Whether the session is still bound and usable. */
  boolean isUp();

  /** Calls {@code onMessage} for each inbound chat message with a body (from the client's thread). */
  void onMessage(Runnable onMessage);

  /** A sender of chat messages to one address. */
  Sender senderTo(String fullJid);

  /**
   * Sends an XMPP ping (XEP-0199) to the server and calls {@code done} with null or the error when
   * the reply comes.
   */
  void ping(long timeoutMillis, java.util.function.Consumer<Throwable> done);

  /** Ends the session (gracefully if it can within the client's own limits). */
  CompletableFuture<Void> close();

  /** Sends chat messages to one address. */
  interface Sender {
    /**
     * Sends one chat message with this body; {@code false} if the client's outbound queue is full
     * now (try again later). May block where the client blocks (Smack).
     */
    boolean send(String body);
  }
}
