package dev.xmppreactive.test;

import dev.xmppreactive.stanza.Stanza;

/**
 * Sees each stanza a test server receives from a client, after its 'from' is stamped and before it is
 * routed, and decides what happens to it ({@link Intercept}). Register one for all sessions with
 * {@link XmppTestServer#intercept(StanzaInterceptor)} or for one with
 * {@link TestSession#intercept(StanzaInterceptor)}; a session's own runs first, and the server's only
 * if it passes.
 *
 * <p>Threading: called on the connection's event loop, one stanza at a time per session, in order. It
 * must not block. An exception it throws is logged and the stanza is processed as if it passed.
 */
@FunctionalInterface
public interface StanzaInterceptor {

  /**
   * Decides what happens to a stanza.
   *
   * @param session the session that sent it
   * @param stanza  the stanza, with its 'from' stamped
   * @return the decision; {@code null} counts as {@link Intercept#pass()}
   */
  Intercept intercept(TestSession session, Stanza stanza);
}
