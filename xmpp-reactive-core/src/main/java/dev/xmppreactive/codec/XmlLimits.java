package dev.xmppreactive.codec;

/**
 * The bounds the decoder holds an XML stream to, so that memory stays bounded whatever a peer sends
 * (RFC 6120 §13.12 asks implementations to resist denial of service; §4.9.3.14 names the stream error,
 * {@code policy-violation}). Immutable; change a value with the {@code with*} methods, which return
 * copies.
 *
 * <p>The defaults, {@link #DEFAULTS}, are chosen for a client:
 * <ul>
 *   <li>{@code maxElementBytes} = 1 MiB. Servers limit what clients send (Prosody's c2s stanza limit is
 *       256 KiB, ejabberd's example configuration also 256 KiB), but what a server sends a client can
 *       be larger: a roster result holds about 100–150 bytes per contact, so a roster of 7,000 contacts
 *       is about 1 MiB; MAM pages and vCard avatars come to hundreds of KiB. 1 MiB keeps the worst case
 *       per connection to a few MiB of heap (Aalto's buffers, the text of the element and the element
 *       itself) while no ordinary server reply comes near it. Raise it for very large rosters.</li>
 *   <li>{@code maxHeaderBytes} = 8 KiB: a stream header with an XML declaration is about 250 bytes.</li>
 *   <li>{@code maxDepth} = 64 nested elements in one top-level element (which is depth 1): a forwarded
 *       message in a MAM result is 5 deep, XHTML-IM bodies perhaps 20.</li>
 *   <li>{@code maxAttributes} = 64 attributes and namespace declarations on one element.</li>
 *   <li>{@code maxAttributeValueLength} = 32,768 characters: a JID is at most 3,071 bytes (RFC 7622
 *       §3.1); URLs of XEP-0363 upload slots a few KiB. It applies to namespace URIs too.</li>
 *   <li>{@code maxNameLength} = 1,024 characters for a prefixed name (prefix, colon and local name).</li>
 *   <li>{@code maxRememberedNames} = 8,192: Aalto keeps every distinct element and attribute name it has
 *       seen in a symbol table that never shrinks. After this many distinct names the decoder starts a
 *       fresh parser at the next boundary between top-level elements (invisible to its users), so a peer
 *       that sends endless new names cannot grow it without bound. Not an error limit.</li>
 * </ul>
 *
 * <p>There is no separate limit for a run of text: text is part of its element, which
 * {@code maxElementBytes} bounds; between top-level elements only whitespace is allowed, and it is
 * dropped as it arrives.
 *
 * @param maxElementBytes         the most bytes one top-level element (stanza or nonza) may take,
 *                                start tag to end tag; more is {@code policy-violation}
 * @param maxHeaderBytes          the most bytes from the start of a stream (XML declaration included)
 *                                to the end of the stream header's start tag
 * @param maxDepth                the deepest nesting within a top-level element (itself at depth 1)
 * @param maxAttributes           the most attributes plus namespace declarations on one element
 * @param maxAttributeValueLength the longest attribute value or namespace URI, in characters
 * @param maxNameLength           the longest qualified name of an element or attribute, in characters
 * @param maxRememberedNames      distinct names after which the parser's symbol table is renewed
 */
public record XmlLimits(int maxElementBytes, int maxHeaderBytes, int maxDepth, int maxAttributes,
                        int maxAttributeValueLength, int maxNameLength, int maxRememberedNames) {

  /** The defaults, as the class description explains them. */
  public static final XmlLimits DEFAULTS =
      new XmlLimits(1 << 20, 8 << 10, 64, 64, 32 << 10, 1024, 8192);

  /**
   * Creates limits.
   *
   * @throws IllegalArgumentException if a value is not positive
   */
  public XmlLimits {
    requirePositive(maxElementBytes, "maxElementBytes");
    requirePositive(maxHeaderBytes, "maxHeaderBytes");
    requirePositive(maxDepth, "maxDepth");
    requirePositive(maxAttributes, "maxAttributes");
    requirePositive(maxAttributeValueLength, "maxAttributeValueLength");
    requirePositive(maxNameLength, "maxNameLength");
    requirePositive(maxRememberedNames, "maxRememberedNames");
  }

  private static void requirePositive(int value, String what) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be positive: " + value);
    }
  }

  /** A copy with another {@link #maxElementBytes()}. */
  public XmlLimits withMaxElementBytes(int value) {
    return new XmlLimits(value, maxHeaderBytes, maxDepth, maxAttributes, maxAttributeValueLength,
        maxNameLength, maxRememberedNames);
  }

  /** A copy with another {@link #maxHeaderBytes()}. */
  public XmlLimits withMaxHeaderBytes(int value) {
    return new XmlLimits(maxElementBytes, value, maxDepth, maxAttributes, maxAttributeValueLength,
        maxNameLength, maxRememberedNames);
  }

  /** A copy with another {@link #maxDepth()}. */
  public XmlLimits withMaxDepth(int value) {
    return new XmlLimits(maxElementBytes, maxHeaderBytes, value, maxAttributes,
        maxAttributeValueLength, maxNameLength, maxRememberedNames);
  }

  /** A copy with another {@link #maxAttributes()}. */
  public XmlLimits withMaxAttributes(int value) {
    return new XmlLimits(maxElementBytes, maxHeaderBytes, maxDepth, value, maxAttributeValueLength,
        maxNameLength, maxRememberedNames);
  }

  /** A copy with another {@link #maxAttributeValueLength()}. */
  public XmlLimits withMaxAttributeValueLength(int value) {
    return new XmlLimits(maxElementBytes, maxHeaderBytes, maxDepth, maxAttributes, value,
        maxNameLength, maxRememberedNames);
  }

  /** A copy with another {@link #maxNameLength()}. */
  public XmlLimits withMaxNameLength(int value) {
    return new XmlLimits(maxElementBytes, maxHeaderBytes, maxDepth, maxAttributes,
        maxAttributeValueLength, value, maxRememberedNames);
  }

  /** A copy with another {@link #maxRememberedNames()}. */
  public XmlLimits withMaxRememberedNames(int value) {
    return new XmlLimits(maxElementBytes, maxHeaderBytes, maxDepth, maxAttributes,
        maxAttributeValueLength, maxNameLength, value);
  }
}
