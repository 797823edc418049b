package dev.xmppreactive.roster;

import dev.xmppreactive.stream.XmppException;

/**
 * A subscriber of a change feed ({@link Roster#changes()}, {@link Presences#changes()},
 * {@link Subscriptions#requests()}) let more changes wait than the feed holds for it: it gets the
 * changes its buffer holds, then this error. The feed ends for that subscriber only; the others and the state go on. Subscribe again and read the current
 * state ({@link Roster#snapshot()}, {@link Presences#of}) to catch up.
 */
public final class ChangeOverflowException extends XmppException {

  private static final long serialVersionUID = 1L;

  ChangeOverflowException(String feed, int capacity) {
    super("a subscriber of " + feed + " fell " + capacity + " changes behind; it was dropped");
  }
}
