package dev.xmppreactive.test;

import dev.xmppreactive.sasl.SaslElements;
import dev.xmppreactive.sasl.SaslException;
import dev.xmppreactive.sasl.SaslFailureCondition;
import dev.xmppreactive.xml.XmlElement;
import java.util.Base64;

/**
 * The receiving entity's side of SASL negotiation, RFC 6120 §6.4, for one connection: the
 * mechanisms offered, the exchange ({@code <auth/>}, {@code <response/>}, {@code <abort/>}) driven
 * through a {@link SaslServerMechanism}, and the count of failures (§6.4.5: past
 * {@link #MAX_FAILURES}, a {@code policy-violation} stream error follows). Runs on the connection's
 * event loop.
 */
final class SaslNegotiation {

  static final String NS = SaslElements.NS;
  /** Attempts allowed before the stream is closed (RFC 6120 §6.4.5 asks for at least two retries). */
  static final int MAX_FAILURES = 3;

  /** What the connection does with an element of the SASL namespace. */
  sealed interface Outcome {
    /** Write this element (a challenge, or a failure that allows another attempt). */
    record Reply(XmlElement element) implements Outcome {
    }

    /** Authenticated: write {@code success}, restart the stream (§6.4.6). */
    record Authenticated(String username, String mechanism, XmlElement success)
        implements Outcome {
    }

    /** Write the failure, then end the stream with {@code policy-violation}. */
    record TooManyFailures(XmlElement failure) implements Outcome {
    }

    /** Not an element a client sends: {@code unsupported-stanza-type}. */
    record Unsupported() implements Outcome {
    }
  }

  private final ServerCore core;
  private final ServerConfig config;
  private SaslServerMechanism exchange;
  private String mechanism;
  private int failures;

  SaslNegotiation(ServerCore core) {
    this.core = core;
    this.config = core.config();
  }

  /** Whether a mechanism is offered: none before TLS when it is required; PLAIN only over TLS. */
  boolean offered(ServerMechanism m, boolean secured) {
    return (m != ServerMechanism.PLAIN || secured)
        && (secured || config.tls != TlsRequirement.REQUIRED);
  }

  /** The {@code <mechanisms/>} feature (§6.4.1), or {@code null} if none is offered. */
  XmlElement feature(boolean secured) {
    XmlElement.Builder b = XmlElement.builder("mechanisms", NS);
    boolean any = false;
    for (ServerMechanism m : config.mechanisms) {
      if (offered(m, secured)) {
        b.textElement("mechanism", NS, m.mechanismName());
        any = true;
      }
    }
    return any ? b.build() : null;
  }

  /** Handles an element of the SASL namespace. */
  Outcome handle(XmlElement e, boolean secured) {
    switch (e.localName()) {
      case "auth" -> {
        String name = e.attribute("mechanism");
        ServerMechanism m = null;
        for (ServerMechanism candidate : config.mechanisms) {
          if (candidate.mechanismName().equals(name) && offered(candidate, secured)) {
            m = candidate;
          }
        }
        if (m == null) {
          boolean plainOnClear = ServerMechanism.PLAIN.mechanismName().equals(name) && !secured;
          return failure(plainOnClear || (!secured && config.tls == TlsRequirement.REQUIRED)
              ? SaslFailureCondition.ENCRYPTION_REQUIRED : SaslFailureCondition.INVALID_MECHANISM,
              null);
        }
        mechanism = m.mechanismName();
        exchange = m.scramHash() == null
            ? new PlainServer(core.accounts(), core.domain().toString())
            : new ScramServer(m.scramHash(), core.accounts(), core.domain().toString(),
                core.secret(), config.scramIterations);
        return step(e);
      }
      case "response" -> {
        return exchange == null
            ? failure(SaslFailureCondition.MALFORMED_REQUEST, "no exchange in progress")
            : step(e);
      }
      case "abort" -> {
        exchange = null;
        return failure(SaslFailureCondition.ABORTED, null); // §6.4.4
      }
      default -> {
        return new Outcome.Unsupported();
      }
    }
  }

  private Outcome step(XmlElement e) {
    byte[] data;
    try {
      data = SaslElements.data(e);
    } catch (SaslException bad) {
      exchange = null;
      return failure(SaslFailureCondition.INCORRECT_ENCODING, null);
    }
    SaslServerStep next = exchange.step(data);
    if (next instanceof SaslServerStep.Challenge c) {
      return new Outcome.Reply(XmlElement.builder("challenge", NS).text(base64(c.data())).build());
    }
    exchange = null;
    if (next instanceof SaslServerStep.Success s) {
      XmlElement.Builder success = XmlElement.builder("success", NS);
      if (s.data() != null) {
        success.text(base64(s.data()));
      }
      return new Outcome.Authenticated(s.username(), mechanism, success.build());
    }
    SaslServerStep.Failure f = (SaslServerStep.Failure) next;
    return failure(f.condition(), f.text());
  }

  private Outcome failure(SaslFailureCondition condition, String text) {
    XmlElement.Builder b = XmlElement.builder("failure", NS)
        .child(XmlElement.empty(condition.elementName(), NS));
    if (text != null) {
      b.child(XmlElement.builder("text", NS).lang("en").text(text).build());
    }
    XmlElement failure = b.build();
    if (condition != SaslFailureCondition.ABORTED && ++failures >= MAX_FAILURES) {
      return new Outcome.TooManyFailures(failure);
    }
    return new Outcome.Reply(failure);
  }

  /** RFC 6120 §6.4.2: zero-length data is sent as "=". */
  private static String base64(byte[] data) {
    return data.length == 0 ? "=" : Base64.getEncoder().encodeToString(data);
  }
}
