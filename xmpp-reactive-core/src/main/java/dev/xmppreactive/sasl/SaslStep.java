package dev.xmppreactive.sasl;

import dev.xmppreactive.xml.XmlElement;
import java.util.Objects;

/** What the driver does next after {@link SaslAttempt#receive}: send a response, or restart the stream. */
public sealed interface SaslStep {

  /**
   * Send this {@code <response/>} and wait for the server's next element.
   *
   * @param element the response element
   */
  record Respond(XmlElement element) implements SaslStep {
    /** Checks the element. */
    public Respond {
      Objects.requireNonNull(element, "element");
    }
  }

  /**
   * Authenticated: open a new stream over the same connection without closing the old one
   * (RFC 6120 §6.4.6).
   *
   * @param outcome how it went
   */
  record Success(SaslOutcome outcome) implements SaslStep {
    /** Checks the outcome. */
    public Success {
      Objects.requireNonNull(outcome, "outcome");
    }
  }
}
