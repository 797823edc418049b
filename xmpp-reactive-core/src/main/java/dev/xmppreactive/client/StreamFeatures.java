package dev.xmppreactive.client;

import dev.xmppreactive.stream.StreamHeader;
import dev.xmppreactive.xml.XmlElement;
import java.util.Objects;

/**
 * The {@code <stream:features/>} a server offered (RFC 6120 §4.3.2), with helpers for the features the
 * client uses. The element itself is kept whole, so a feature the library does not know can still be
 * read with {@link #element()}.
 */
public final class StreamFeatures {

  /** RFC 6120 §5: STARTTLS. */
  public static final String TLS_NS = "urn:ietf:params:xml:ns:xmpp-tls";
  /** RFC 6120 §6: SASL. */
  public static final String SASL_NS = "urn:ietf:params:xml:ns:xmpp-sasl";
  /** RFC 6120 §7: resource binding. */
  public static final String BIND_NS = "urn:ietf:params:xml:ns:xmpp-bind";
  /** RFC 3921 §3 (kept by draft-cridland-xmpp-session): the legacy session establishment. */
  public static final String SESSION_NS = "urn:ietf:params:xml:ns:xmpp-session";
  /** XEP-0198: stream management. */
  public static final String SM_NS = "urn:xmpp:sm:3";
  /** RFC 6121 §2.6: roster versioning. */
  public static final String ROSTER_VER_NS = "urn:xmpp:features:rosterver";
  /** RFC 6121 §3.4: subscription pre-approval. */
  public static final String PRE_APPROVAL_NS = "urn:xmpp:features:pre-approval";
  /** XEP-0352: client state indication. */
  public static final String CSI_NS = "urn:xmpp:csi:0";

  private final XmlElement element;

  /** Wraps a {@code <stream:features/>} element. */
  public StreamFeatures(XmlElement element) {
    this.element = Objects.requireNonNull(element, "element");
    if (!isFeatures(element)) {
      throw new IllegalArgumentException("not <stream:features/>: " + element.name());
    }
  }

  /** Whether an element is {@code <stream:features/>}. */
  public static boolean isFeatures(XmlElement e) {
    return e.is("features", StreamHeader.STREAM_NS);
  }

  /** The element as the server sent it. */
  public XmlElement element() {
    return element;
  }

  /** The feature element with that name, or {@code null}. */
  public XmlElement feature(String localName, String namespace) {
    return element.element(localName, namespace);
  }

  /** Whether the feature is offered. */
  public boolean has(String localName, String namespace) {
    return element.element(localName, namespace) != null;
  }

  /** STARTTLS is offered (RFC 6120 §5.4.1). */
  public boolean startTls() {
    return has("starttls", TLS_NS);
  }

  /** SASL mechanisms are offered (RFC 6120 §6.4.1). */
  public boolean sasl() {
    return has("mechanisms", SASL_NS);
  }

  /** Resource binding is offered (RFC 6120 §7.4). */
  public boolean bind() {
    return has("bind", BIND_NS);
  }

  /**
   * The legacy session request must be sent: the feature is there and not marked {@code <optional/>}
   * (RFC 3921 §3, as servers still advertise it).
   */
  public boolean sessionRequired() {
    XmlElement s = feature("session", SESSION_NS);
    return s != null && s.element("optional", SESSION_NS) == null;
  }

  /** Stream management (XEP-0198) is offered. */
  public boolean streamManagement() {
    return has("sm", SM_NS);
  }

  /** Roster versioning (RFC 6121 §2.6.1) is offered. */
  public boolean rosterVersioning() {
    return has("ver", ROSTER_VER_NS);
  }

  /** Subscription pre-approval (RFC 6121 §3.4.1) is offered. */
  public boolean preApproval() {
    return has("sub", PRE_APPROVAL_NS);
  }

  /** Client state indication (XEP-0352) is offered. */
  public boolean clientStateIndication() {
    return has("csi", CSI_NS);
  }

  @Override
  public String toString() {
    return element.toXml();
  }
}
