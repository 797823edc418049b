package dev.xmppreactive.stanza;

import com.fasterxml.jackson.annotation.JsonRootName;
import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.xml.XmlMapper;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * An {@link ExtensionCodec} that binds an annotated class or record through Jackson's
 * {@link XmlMapper}. The element model is read and written through StAX views of it, with no XML text
 * in between.
 *
 * <pre>{@code
 * @JacksonXmlRootElement(namespace = "urn:example:weather", localName = "weather")
 * record Weather(@JacksonXmlProperty(isAttribute = true) String city, double celsius) {}
 *
 * ExtensionRegistry registry = ExtensionRegistry.builder().bind(Weather.class).build();
 * }</pre>
 *
 * <p>The element's name comes from {@code @JacksonXmlRootElement(namespace, localName)} or
 * {@code @JsonRootName(value, namespace)} (the local name defaults to the simple class name, as in
 * Jackson), or is given explicitly. Child elements that Jackson writes without a namespace are put in
 * the payload's namespace (XMPP payloads conventionally keep their children in their own namespace);
 * Jackson matches properties by local name when it reads. Thread-safe, as the mapper is.
 *
 * @param <T> the bound type
 */
public final class JacksonExtensionCodec<T> implements ExtensionCodec<T> {

  private final XmlMapper mapper;
  private final Class<T> type;
  private final XmlName name;

  private JacksonExtensionCodec(XmlMapper mapper, Class<T> type, XmlName name) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.type = Objects.requireNonNull(type, "type");
    this.name = Objects.requireNonNull(name, "name");
    if (name.namespace().isEmpty() || Stanza.isContentNamespace(name.namespace())) {
      throw new IllegalArgumentException("an extension element needs a namespace of its own (RFC 6120 "
          + "§8.4), not '" + name.namespace() + "', for " + type.getName());
    }
  }

  /**
   * A codec for a class whose element name is given by its annotation.
   *
   * @throws IllegalArgumentException if the class has no root-element annotation with a namespace
   */
  public static <T> JacksonExtensionCodec<T> of(XmlMapper mapper, Class<T> type) {
    return new JacksonExtensionCodec<>(mapper, type, rootName(type));
  }

  /**
   * A codec for a class, with the element name given; it overrides the class's annotation.
   *
   * @throws IllegalArgumentException if the name has no namespace, or the content namespace
   */
  public static <T> JacksonExtensionCodec<T> of(XmlMapper mapper, Class<T> type, XmlName name) {
    return new JacksonExtensionCodec<>(mapper, type, name);
  }

  /** The element name that a class's annotations give it. */
  static XmlName rootName(Class<?> type) {
    JacksonXmlRootElement root = type.getAnnotation(JacksonXmlRootElement.class);
    String ns = null;
    String local = null;
    if (root != null) {
      ns = root.namespace();
      local = root.localName();
    } else {
      JsonRootName json = type.getAnnotation(JsonRootName.class);
      if (json != null) {
        ns = json.namespace();
        local = json.value();
      }
    }
    if (ns == null || ns.isEmpty()) {
      throw new IllegalArgumentException(type.getName() + " needs @JacksonXmlRootElement(namespace = "
          + "…, localName = …) or @JsonRootName(value = …, namespace = …): an extension element has "
          + "a namespace of its own (RFC 6120 §8.4); or give the name when binding it");
    }
    return new XmlName(ns, local == null || local.isEmpty() ? type.getSimpleName() : local);
  }

  @Override
  public XmlName name() {
    return name;
  }

  @Override
  public Class<T> type() {
    return type;
  }

  /**
   * Reads the element through the mapper.
   *
   * @throws JacksonException if the element does not fit the type
   */
  @Override
  public T decode(XmlElement element) {
    try {
      return mapper.readValue(new ElementStreamReader(element), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // nothing here does I/O
    }
  }

  /**
   * Writes the value through the mapper.
   *
   * @throws IllegalArgumentException if the mapper cannot write it as an element (for example, a text
   *                                  with a character XML forbids)
   */
  @Override
  public XmlElement encode(T value) {
    ElementStreamWriter writer = new ElementStreamWriter(name);
    try {
      mapper.writeValue(writer, value);
      return writer.result();
    } catch (IOException | JacksonException | IllegalStateException e) {
      throw new IllegalArgumentException("cannot write " + type.getName() + " as " + name + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "JacksonExtensionCodec[" + name + " <-> " + type.getName() + "]";
  }
}
