package dev.xmppreactive.jid;

import dev.xmppreactive.jid.JidFormatException.Part;
import java.io.Serializable;
import java.util.Objects;

/**
 * An XMPP address (JID), RFC 7622: {@code [localpart@]domainpart[/resourcepart]}.
 *
 * <p>A {@code Jid} is immutable and always valid and normalised: the localpart by the PRECIS
 * UsernameCaseMapped profile (RFC 8265 §3.3, RFC 7622 §3.3), the resourcepart by OpaqueString (RFC 8265
 * §4.2, RFC 7622 §3.4), the domainpart by IDNA to its Unicode form, lowercased (RFC 7622 §3.2). Two
 * addresses are {@link #equals equal} when their normalised forms are, so {@code Juliet@Example.COM}
 * equals {@code juliet@example.com}. Each part is at most 1023 bytes of UTF-8.
 *
 * <p>A <em>bare</em> JID has no resourcepart; a <em>full</em> JID has one (RFC 6120 §1.4).
 *
 * <pre>{@code
 * Jid romeo = Jid.of("romeo@montague.example/orchard");
 * romeo.localpart();        // "romeo"
 * romeo.bare();             // romeo@montague.example
 * romeo.withResource("balcony");
 * }</pre>
 */
public final class Jid implements Comparable<Jid>, Serializable {

  private static final long serialVersionUID = 1L;

  private final String localpart;
  private final String domainpart;
  private final String resourcepart;
  private transient String string;
  private transient Jid bare;

  private Jid(String localpart, String domainpart, String resourcepart) {
    this.localpart = localpart;
    this.domainpart = domainpart;
    this.resourcepart = resourcepart;
  }

  /**
   * Parses and normalises an address (RFC 7622 §3.1: the domainpart ends at the first '/', the
   * localpart at the first '@' before it).
   *
   * @throws JidFormatException naming the invalid part and the reason
   * @throws NullPointerException if {@code address} is {@code null}
   */
  public static Jid of(String address) {
    Objects.requireNonNull(address, "address");
    Jid simple = simple(address);
    if (simple != null) {
      return simple;
    }
    if (address.isEmpty()) {
      throw new JidFormatException(Part.ADDRESS, "empty", address);
    }
    int slash = address.indexOf('/');
    String beforeResource = slash < 0 ? address : address.substring(0, slash);
    int at = beforeResource.indexOf('@');
    String local = at < 0 ? null : beforeResource.substring(0, at);
    String domain = at < 0 ? beforeResource : beforeResource.substring(at + 1);
    String resource = slash < 0 ? null : address.substring(slash + 1);
    return prepare(local, domain, resource, address);
  }

  /**
   * The common case in one pass over the text, or {@code null} to take the general path: an address
   * whose preparation would change nothing and refuse nothing. That is a localpart of printable ASCII
   * without capitals, spaces or the characters RFC 7622 §3.3.1 forbids (UsernameCaseMapped leaves
   * such a string as it is); a domainpart of lower-case LDH labels, none empty and none an A-label,
   * without a final dot (IDNA and the domain rules of §3.2 leave it as it is); a resourcepart of
   * printable ASCII (OpaqueString leaves it as it is, §3.4); at most 1023 characters, so that no part
   * is longer than §3 allows. The text is then already the normalised address.
   */
  private static Jid simple(String address) {
    int n = address.length();
    if (n == 0 || n > JidParts.MAX_PART_BYTES) {
      return null;
    }
    int at = -1;
    int slash = n;
    int labelStart = 0;
    for (int i = 0; i < n; i++) {
      char c = address.charAt(i);
      if (c == '/') {
        slash = i;
        break;
      }
      if (c == '@') {
        if (at >= 0 || i == 0) {
          return null; // a second '@', or an empty localpart: the general path says what is wrong
        }
        at = i;
        labelStart = i + 1;
      } else if (c == '.') {
        if (i == labelStart || isALabelAt(address, labelStart)) {
          return null;
        }
        labelStart = i + 1;
      } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')
          && (at >= 0 || !isPlainLocalChar(c))) {
        return null; // not LDH in the domainpart, or not plain in what may be the localpart
      }
    }
    if (slash == labelStart || isALabelAt(address, labelStart)) {
      return null; // an empty domainpart or last label, a final dot, or an A-label
    }
    if (at < 0) {
      for (int i = 0; i < slash; i++) {
        char c = address.charAt(i);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
            || c == '.')) {
          return null; // no '@': what was read as a localpart is the domainpart
        }
      }
    }
    if (slash < n) {
      if (slash == n - 1) {
        return null; // an empty resourcepart
      }
      for (int i = slash + 1; i < n; i++) {
        char c = address.charAt(i);
        if (c < 0x20 || c >= 0x7F) {
          return null;
        }
      }
    }
    Jid j = new Jid(at < 0 ? null : address.substring(0, at), address.substring(at + 1, slash),
        slash < n ? address.substring(slash + 1) : null);
    j.string = address;
    return j;
  }

  /** Printable ASCII without capitals and without what RFC 7622 §3.3.1 forbids in a localpart. */
  private static boolean isPlainLocalChar(char c) {
    return c > 0x20 && c < 0x7F && !(c >= 'A' && c <= 'Z') && c != '"' && c != '&' && c != '\''
        && c != ':' && c != '<' && c != '>';
  }

  private static boolean isALabelAt(String s, int labelStart) {
    return s.startsWith("xn--", labelStart);
  }

  /**
   * Builds an address from its parts, each normalised.
   *
   * @param localpart    the localpart, or {@code null} for none
   * @param domainpart   the domainpart; required
   * @param resourcepart the resourcepart, or {@code null} for none
   * @throws JidFormatException naming the invalid part and the reason
   */
  public static Jid of(String localpart, String domainpart, String resourcepart) {
    Objects.requireNonNull(domainpart, "domainpart");
    String input = (localpart == null ? "" : localpart + "@") + domainpart
        + (resourcepart == null ? "" : "/" + resourcepart);
    return prepare(localpart, domainpart, resourcepart, input);
  }

  /** The address of a domain, such as a server: {@code example.com}. */
  public static Jid domain(String domainpart) {
    return of(null, domainpart, null);
  }

  /**
   * Parses an address, or returns {@code null} if the text is {@code null} or not a valid address.
   * Useful for attributes from the network, where an invalid value is to be treated as absent.
   */
  public static Jid ofOrNull(String address) {
    if (address == null) {
      return null;
    }
    try {
      return of(address);
    } catch (JidFormatException e) {
      return null;
    }
  }

  private static Jid prepare(String local, String domain, String resource, String input) {
    String l = local == null ? null : JidParts.localpart(local, input);
    String d = JidParts.domainpart(domain, input);
    String r = resource == null ? null : JidParts.resourcepart(resource, input);
    return new Jid(l, d, r);
  }

  /** The localpart, or {@code null} if there is none. */
  public String localpart() {
    return localpart;
  }

  /** The domainpart; never {@code null}. */
  public String domainpart() {
    return domainpart;
  }

  /** The resourcepart, or {@code null} if there is none. */
  public String resourcepart() {
    return resourcepart;
  }

  /** Whether there is a localpart. */
  public boolean hasLocalpart() {
    return localpart != null;
  }

  /** Whether there is a resourcepart (a full JID). */
  public boolean hasResource() {
    return resourcepart != null;
  }

  /** Whether this is a bare JID: no resourcepart. */
  public boolean isBare() {
    return resourcepart == null;
  }

  /** Whether this is a full JID: it has a resourcepart. */
  public boolean isFull() {
    return resourcepart != null;
  }

  /** Whether this is the address of a domain alone: no localpart and no resourcepart. */
  public boolean isDomain() {
    return localpart == null && resourcepart == null;
  }

  /** This address without its resourcepart. */
  public Jid bare() {
    if (resourcepart == null) {
      return this;
    }
    Jid b = bare;
    if (b == null) {
      b = new Jid(localpart, domainpart, null);
      bare = b;
    }
    return b;
  }

  /** The domain of this address alone. */
  public Jid domainJid() {
    return isDomain() ? this : new Jid(null, domainpart, null);
  }

  /**
   * This address with the given resourcepart (normalised by OpaqueString), or without one if
   * {@code resource} is {@code null}.
   *
   * @throws JidFormatException if the resourcepart is invalid
   */
  public Jid withResource(String resource) {
    if (resource == null) {
      return bare();
    }
    return new Jid(localpart, domainpart, JidParts.resourcepart(resource, toString() + "/" + resource));
  }

  /** Whether {@code other} has the same bare address. */
  public boolean isSameBare(Jid other) {
    return other != null && Objects.equals(localpart, other.localpart)
        && domainpart.equals(other.domainpart);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof Jid j && domainpart.equals(j.domainpart)
        && Objects.equals(localpart, j.localpart) && Objects.equals(resourcepart, j.resourcepart);
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  /** Compares the string forms. */
  @Override
  public int compareTo(Jid o) {
    return toString().compareTo(o.toString());
  }

  /** The normalised address, {@code local@domain/resource}. */
  @Override
  public String toString() {
    String s = string;
    if (s == null) {
      StringBuilder sb = new StringBuilder(domainpart.length() + 32);
      if (localpart != null) {
        sb.append(localpart).append('@');
      }
      sb.append(domainpart);
      if (resourcepart != null) {
        sb.append('/').append(resourcepart);
      }
      s = sb.toString();
      string = s;
    }
    return s;
  }

  private Object readResolve() {
    return of(localpart, domainpart, resourcepart);
  }
}
