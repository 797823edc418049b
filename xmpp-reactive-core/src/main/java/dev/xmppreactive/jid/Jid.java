package dev.xmppreactive.jid;

import dev.xmppreactive.jid.JidFormatException.Part;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamField;
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

  /** The serial form: the three parts (the localpart and resourcepart may be null). */
  private static final ObjectStreamField[] serialPersistentFields = {
      new ObjectStreamField("localpart", String.class),
      new ObjectStreamField("domainpart", String.class),
      new ObjectStreamField("resourcepart", String.class)};

  /**
   * The normalised address, from which the parts are cut: the localpart ends at the first '@' and
   * the domainpart at the first '/' after it, as neither the localpart nor the domainpart may hold
   * either (RFC 7622 §3.2, §3.3.1), so that two addresses are equal exactly when these are.
   */
  private final transient String string;
  /** The index of the '@' after the localpart, or -1 if there is none. */
  private final transient int at;
  /** The index of the '/' before the resourcepart, or the length if there is none. */
  private final transient int slash;
  /** The parts, cut from {@link #string} on first use (racy caches: a benign race). */
  private transient String localpart;
  private transient String domainpart;
  private transient String resourcepart;
  private transient Jid bare;
  /** The parts read by deserialisation, for {@link #readResolve()}. */
  private transient String[] serial;

  /** An address from its normalised parts. */
  private Jid(String localpart, String domainpart, String resourcepart) {
    StringBuilder sb = new StringBuilder(domainpart.length() + 32);
    if (localpart != null) {
      sb.append(localpart).append('@');
    }
    this.at = localpart == null ? -1 : localpart.length();
    sb.append(domainpart);
    this.slash = sb.length();
    if (resourcepart != null) {
      sb.append('/').append(resourcepart);
    }
    this.string = sb.toString();
    this.localpart = localpart;
    this.domainpart = domainpart;
    this.resourcepart = resourcepart;
  }

  /** An address from its normalised text and the places of its separators. */
  private Jid(String string, int at, int slash) {
    this.string = string;
    this.at = at;
    this.slash = slash;
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
    boolean domainOnly = true; // every char so far also fits a domainpart (LDH or '.')
    for (int i = 0; i < n; i++) {
      char c = address.charAt(i);
      int k = c < 0x80 ? CLASSES[c] : 0;
      if ((k & LDH) != 0) {
        continue;
      }
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
      } else if (at >= 0 || (k & PLAIN_LOCAL) == 0) {
        return null; // not LDH in the domainpart, or not plain in what may be the localpart
      } else {
        domainOnly = false;
      }
    }
    if (slash == labelStart || isALabelAt(address, labelStart)) {
      return null; // an empty domainpart or last label, a final dot, or an A-label
    }
    if (at < 0 && !domainOnly) {
      return null; // no '@': what was read as a localpart is the domainpart, and not LDH
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
    return new Jid(address, at, slash);
  }

  /** {@link #CLASSES}: a lower-case LDH character (letters, digits, '-', '_'). */
  private static final byte LDH = 1;
  /** {@link #CLASSES}: printable ASCII without capitals and what RFC 7622 §3.3.1 forbids. */
  private static final byte PLAIN_LOCAL = 2;
  /** The classes of the ASCII characters, for {@link #simple}. */
  private static final byte[] CLASSES = new byte[0x80];

  static {
    for (char c = 0; c < 0x80; c++) {
      int k = 0;
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
        k |= LDH;
      }
      if (isPlainLocalChar(c)) {
        k |= PLAIN_LOCAL;
      }
      CLASSES[c] = (byte) k;
    }
  }

  /** Printable ASCII without capitals and without what RFC 7622 §3.3.1 forbids in a localpart. */
  private static boolean isPlainLocalChar(char c) {
    return c > 0x20 && c < 0x7F && !(c >= 'A' && c <= 'Z') && c != '"' && c != '&' && c != '\''
        && c != ':' && c != '<' && c != '>';
  }

  private static boolean isALabelAt(String s, int labelStart) {
    return labelStart < s.length() && s.charAt(labelStart) == 'x' && s.startsWith("xn--", labelStart);
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
    if (at < 0) {
      return null;
    }
    String l = localpart;
    if (l == null) {
      l = string.substring(0, at);
      localpart = l;
    }
    return l;
  }

  /** The domainpart; never {@code null}. */
  public String domainpart() {
    String d = domainpart;
    if (d == null) {
      d = string.substring(at + 1, slash);
      domainpart = d;
    }
    return d;
  }

  /** The resourcepart, or {@code null} if there is none. */
  public String resourcepart() {
    if (slash == string.length()) {
      return null;
    }
    String r = resourcepart;
    if (r == null) {
      r = string.substring(slash + 1);
      resourcepart = r;
    }
    return r;
  }

  /** Whether there is a localpart. */
  public boolean hasLocalpart() {
    return at >= 0;
  }

  /** Whether there is a resourcepart (a full JID). */
  public boolean hasResource() {
    return slash < string.length();
  }

  /** Whether this is a bare JID: no resourcepart. */
  public boolean isBare() {
    return slash == string.length();
  }

  /** Whether this is a full JID: it has a resourcepart. */
  public boolean isFull() {
    return slash < string.length();
  }

  /** Whether this is the address of a domain alone: no localpart and no resourcepart. */
  public boolean isDomain() {
    return at < 0 && slash == string.length();
  }

  /** This address without its resourcepart. */
  public Jid bare() {
    if (isBare()) {
      return this;
    }
    Jid b = bare;
    if (b == null) {
      b = new Jid(string.substring(0, slash), at, slash);
      bare = b;
    }
    return b;
  }

  /** The domain of this address alone. */
  public Jid domainJid() {
    if (isDomain()) {
      return this;
    }
    String d = domainpart();
    return new Jid(d, -1, d.length());
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
    String r = JidParts.resourcepart(resource, toString() + "/" + resource);
    return new Jid(string.substring(0, slash) + "/" + r, at, slash);
  }

  /** Whether {@code other} has the same bare address. */
  public boolean isSameBare(Jid other) {
    return other != null && other.slash == slash && other.at == at
        && string.regionMatches(0, other.string, 0, slash);
  }

  /** Equal when the normalised addresses are: the same parts. */
  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof Jid j && string.equals(j.string));
  }

  @Override
  public int hashCode() {
    return string.hashCode();
  }

  /** Compares the string forms. */
  @Override
  public int compareTo(Jid o) {
    return string.compareTo(o.string);
  }

  /** The normalised address, {@code local@domain/resource}. */
  @Override
  public String toString() {
    return string;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    ObjectOutputStream.PutField fields = out.putFields();
    fields.put("localpart", localpart());
    fields.put("domainpart", domainpart());
    fields.put("resourcepart", resourcepart());
    out.writeFields();
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    ObjectInputStream.GetField fields = in.readFields();
    serial = new String[] {(String) fields.get("localpart", null),
        (String) fields.get("domainpart", null), (String) fields.get("resourcepart", null)};
  }

  /** A deserialised address is parsed again, so that it is valid whatever the stream held. */
  private Object readResolve() throws InvalidObjectException {
    if (serial == null || serial[1] == null) {
      throw new InvalidObjectException("no domainpart");
    }
    try {
      return of(serial[0], serial[1], serial[2]);
    } catch (JidFormatException e) {
      InvalidObjectException invalid = new InvalidObjectException("not a valid address");
      invalid.initCause(e);
      throw invalid;
    }
  }
}
