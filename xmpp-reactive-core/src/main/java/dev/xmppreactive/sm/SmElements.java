package dev.xmppreactive.sm;

import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlNode;
import java.time.Duration;

/**
 * The nonzas of Stream Management (XEP-0198, namespace {@code urn:xmpp:sm:3}): building what the
 * client sends and reading what the server sends. Malformed server input gets an
 * {@link SmProtocolException}.
 */
public final class SmElements {

  /** The namespace, XEP-0198 §2. */
  public static final String NS = "urn:xmpp:sm:3";

  /** The largest value of a sequence number: 'h' wraps at 2^32 (XEP-0198 §4). */
  public static final long MODULUS = 1L << 32;

  private SmElements() {
  }

  /** Whether an element is in the Stream Management namespace. */
  public static boolean isSm(XmlElement e) {
    return e.namespace().equals(NS);
  }

  /** {@code <enable resume='true' max='…'/>}, XEP-0198 §3 and §5; {@code max} may be {@code null}. */
  public static XmlElement enable(boolean resume, Duration max) {
    XmlElement.Builder b = XmlElement.builder("enable", NS);
    if (resume) {
      b.attribute("resume", "true");
    }
    if (max != null) {
      b.attribute("max", Long.toString(Math.max(1, max.toSeconds())));
    }
    return b.build();
  }

  /** {@code <r/>}, XEP-0198 §4. */
  public static XmlElement request() {
    return XmlElement.empty("r", NS);
  }

  /** {@code <a h='…'/>}, XEP-0198 §4. */
  public static XmlElement answer(long h) {
    return XmlElement.builder("a", NS).attribute("h", Long.toString(h)).build();
  }

  /** {@code <resume previd='…' h='…'/>}, XEP-0198 §5. */
  public static XmlElement resume(String previd, long h) {
    return XmlElement.builder("resume", NS).attribute("previd", previd)
        .attribute("h", Long.toString(h)).build();
  }

  /**
   * What {@code <enabled/>} says.
   *
   * @param id        the SM-ID, or {@code null}
   * @param resumable whether the stream may be resumed (needs an id)
   * @param max       the server's preferred maximum resumption time, or {@code null}
   * @param location  where to reconnect to resume ({@code host:port}), or {@code null}
   */
  public record Enabled(String id, boolean resumable, Duration max, String location) {
  }

  /** Reads {@code <enabled/>}. */
  public static Enabled enabled(XmlElement e) {
    String id = e.attribute("id");
    boolean resume = isTrue(e.attribute("resume"));
    String max = e.attribute("max");
    Duration d = null;
    if (max != null) {
      try {
        d = Duration.ofSeconds(Long.parseLong(max.strip()));
      } catch (NumberFormatException ex) {
        throw new SmProtocolException("<enabled/> has a 'max' that is not a number: " + max);
      }
    }
    return new Enabled(id, resume && id != null && !id.isEmpty(), d, e.attribute("location"));
  }

  /** Reads the 'h' of {@code <a/>}, {@code <resumed/>} or {@code <failed/>}. */
  public static long h(XmlElement e) {
    String h = e.attribute("h");
    if (h == null) {
      throw new SmProtocolException("<" + e.localName() + "/> lacks 'h'");
    }
    try {
      long v = Long.parseLong(h.strip());
      if (v < 0 || v >= MODULUS) {
        throw new SmProtocolException("'h' out of range: " + h);
      }
      return v;
    } catch (NumberFormatException ex) {
      throw new SmProtocolException("'h' is not a number: " + h);
    }
  }

  /** The 'h' of {@code <failed/>}, or {@code -1} if it has none. */
  public static long optionalH(XmlElement e) {
    return e.attribute("h") == null ? -1 : h(e);
  }

  /** The stanza error condition inside {@code <failed/>}, or {@code "undefined-condition"}. */
  public static String failedCondition(XmlElement e) {
    for (XmlNode n : e.children()) {
      if (n instanceof XmlElement c
          && c.namespace().equals("urn:ietf:params:xml:ns:xmpp-stanzas")) {
        return c.localName();
      }
    }
    return "undefined-condition";
  }

  private static boolean isTrue(String v) {
    return "true".equals(v) || "1".equals(v);
  }
}
