package dev.xmppreactive.stream;

/**
 * The closing {@code </stream:stream>} tag (RFC 6120 §4.4): the peer will send nothing more on this
 * stream. A decoder emits the single instance {@link #INSTANCE}; an encoder writes it.
 */
public enum StreamEnd {
  /** The one value. */
  INSTANCE
}
