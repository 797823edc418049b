package dev.xmppreactive.stanza;

import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlName;
import java.util.Objects;
import java.util.function.Function;

/**
 * Converts one kind of extension element (RFC 6120 §8.4), known by its name, to and from a Java type.
 * Codecs are registered in an {@link ExtensionRegistry}; they must be thread-safe and stateless.
 *
 * <pre>{@code
 * ExtensionCodec<Receipt> receipts = ExtensionCodec.of(
 *     XmlName.of("urn:xmpp:receipts", "received"), Receipt.class,
 *     e -> new Receipt(e.attribute("id")),
 *     r -> XmlElement.builder("received", "urn:xmpp:receipts").attribute("id", r.id()).build());
 * }</pre>
 *
 * @param <T> the Java type
 */
public interface ExtensionCodec<T> {

  /** The name of the element this codec reads and writes. */
  XmlName name();

  /** The Java type. */
  Class<T> type();

  /**
   * Reads an element with this codec's {@link #name()}.
   *
   * @throws RuntimeException if the element does not hold a valid value; the registry reports it as
   *                          a {@link StanzaFormatException} ({@code bad-request})
   */
  T decode(XmlElement element);

  /** Writes a value as an element with this codec's {@link #name()}. */
  XmlElement encode(T value);

  /** A codec from two functions. */
  static <T> ExtensionCodec<T> of(XmlName name, Class<T> type,
                                  Function<XmlElement, ? extends T> decoder,
                                  Function<? super T, XmlElement> encoder) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(decoder, "decoder");
    Objects.requireNonNull(encoder, "encoder");
    return new ExtensionCodec<>() {
      @Override
      public XmlName name() {
        return name;
      }

      @Override
      public Class<T> type() {
        return type;
      }

      @Override
      public T decode(XmlElement element) {
        return decoder.apply(element);
      }

      @Override
      public XmlElement encode(T value) {
        return encoder.apply(value);
      }

      @Override
      public String toString() {
        return "ExtensionCodec[" + name + " <-> " + type.getName() + "]";
      }
    };
  }
}
