package dev.xmppreactive.stanza;

import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.xml.XmlFactory;
import tools.jackson.dataformat.xml.XmlMapper;

/**
 * The extension codecs of one client: which Java type each extension element (RFC 6120 §8.4) maps to,
 * by its (namespace, local name). A registry is immutable and thread-safe, and built per client: there
 * is no global one, so two clients in one JVM never see each other's extensions.
 *
 * <pre>{@code
 * ExtensionRegistry registry = ExtensionRegistry.builder()
 *     .register(receiptCodec)            // an ExtensionCodec written by hand
 *     .bind(Weather.class)               // a class or record bound through Jackson's XmlMapper
 *     .build();
 * Message m = Message.builder().to(romeo).extension(registry, new Weather("Verona", 21.5)).build();
 * Optional<Weather> w = registry.extension(m, Weather.class);
 * }</pre>
 *
 * <p>Values are decoded on each lookup, not cached: a stanza keeps its elements, and the registry
 * reads them when asked.
 */
public final class ExtensionRegistry {

  private static final ExtensionRegistry EMPTY = new ExtensionRegistry(Map.of(), Map.of());

  private final Map<XmlName, ExtensionCodec<?>> byName;
  private final Map<Class<?>, ExtensionCodec<?>> byType;

  private ExtensionRegistry(Map<XmlName, ExtensionCodec<?>> byName,
                            Map<Class<?>, ExtensionCodec<?>> byType) {
    this.byName = byName;
    this.byType = byType;
  }

  /** A registry with no codecs. */
  public static ExtensionRegistry empty() {
    return EMPTY;
  }

  /** Starts a registry. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A new {@link XmlMapper} configured for payloads from the network: its StAX input factory supports
   * no DTDs and resolves no external entities (when it parses text; the registry itself never gives
   * it text), and unknown elements and attributes are ignored, so that a newer version of an extension
   * still reads. Each call makes a new mapper.
   */
  public static XmlMapper newSecureXmlMapper() {
    XMLInputFactory input = XMLInputFactory.newFactory();
    input.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
    input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
    XmlFactory factory = XmlFactory.builder().xmlInputFactory(input).build();
    return XmlMapper.builder(factory)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  /** The codec for exactly this type, if one is registered. */
  @SuppressWarnings("unchecked")
  public <T> Optional<ExtensionCodec<T>> codec(Class<T> type) {
    return Optional.ofNullable((ExtensionCodec<T>) byType.get(type));
  }

  /** The codec for elements of this name, if one is registered. */
  public Optional<ExtensionCodec<?>> codec(XmlName name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Whether a codec reads elements of this name. */
  public boolean supports(XmlName name) {
    return byName.containsKey(name);
  }

  /**
   * The first extension of the stanza that the codec for {@code type} reads, decoded.
   *
   * @throws IllegalArgumentException if no codec is registered for the type
   * @throws StanzaFormatException    (bad-request) if the element is there but does not decode
   */
  public <T> Optional<T> extension(Stanza stanza, Class<T> type) {
    ExtensionCodec<T> codec = require(type);
    XmlName name = codec.name();
    XmlElement e = stanza.extension(name.localName(), name.namespace());
    return e == null ? Optional.empty() : Optional.of(decode(codec, e, stanza.toXmlElement()));
  }

  /**
   * Every extension of the stanza that the codec for {@code type} reads, decoded, in order.
   *
   * @throws IllegalArgumentException if no codec is registered for the type
   * @throws StanzaFormatException    (bad-request) if one does not decode
   */
  public <T> List<T> extensions(Stanza stanza, Class<T> type) {
    ExtensionCodec<T> codec = require(type);
    XmlName name = codec.name();
    List<XmlElement> elements = stanza.extensions(name.localName(), name.namespace());
    List<T> out = new ArrayList<>(elements.size());
    for (XmlElement e : elements) {
      out.add(decode(codec, e, stanza.toXmlElement()));
    }
    return List.copyOf(out);
  }

  /**
   * Decodes an element with the codec for its name; empty if no codec reads that name.
   *
   * @throws StanzaFormatException (bad-request) if the element does not decode
   */
  public Optional<Object> decode(XmlElement element) {
    ExtensionCodec<?> codec = byName.get(element.name());
    return codec == null ? Optional.empty() : Optional.of(decode(codec, element, element));
  }

  /**
   * Decodes an element as {@code type}.
   *
   * @throws IllegalArgumentException if no codec is registered for the type, or it reads elements of
   *                                  another name
   * @throws StanzaFormatException    (bad-request) if the element does not decode
   */
  public <T> T decode(XmlElement element, Class<T> type) {
    ExtensionCodec<T> codec = require(type);
    if (!codec.name().equals(element.name())) {
      throw new IllegalArgumentException("the codec for " + type.getName() + " reads "
          + codec.name() + ", not " + element.name());
    }
    return decode(codec, element, element);
  }

  private static <T> T decode(ExtensionCodec<T> codec, XmlElement element, XmlElement stanza) {
    try {
      T value = codec.decode(element);
      if (value == null) {
        throw new IllegalStateException("the codec returned null");
      }
      return value;
    } catch (StanzaFormatException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StanzaFormatException(StanzaErrorCondition.BAD_REQUEST, stanza, element,
          "the " + element.name() + " payload is not valid", e);
    }
  }

  /**
   * Encodes a value with the codec for its class (or, failing that, the first registered codec whose
   * type it is an instance of).
   *
   * @throws IllegalArgumentException if no codec takes the value, or the codec cannot write it
   */
  @SuppressWarnings("unchecked")
  public XmlElement encode(Object value) {
    Objects.requireNonNull(value, "value");
    ExtensionCodec<Object> codec = (ExtensionCodec<Object>) byType.get(value.getClass());
    if (codec == null) {
      for (ExtensionCodec<?> c : byType.values()) {
        if (c.type().isInstance(value)) {
          codec = (ExtensionCodec<Object>) c;
          break;
        }
      }
    }
    if (codec == null) {
      throw new IllegalArgumentException("no extension codec for " + value.getClass().getName());
    }
    XmlElement e = codec.encode(value);
    if (e == null || !e.name().equals(codec.name())) {
      throw new IllegalArgumentException(codec + " wrote " + (e == null ? "nothing" : e.name()));
    }
    return e;
  }

  private <T> ExtensionCodec<T> require(Class<T> type) {
    return codec(type).orElseThrow(
        () -> new IllegalArgumentException("no extension codec for " + type.getName()));
  }

  /** The registered codecs, in the order they were registered. */
  public List<ExtensionCodec<?>> codecs() {
    return List.copyOf(byName.values());
  }

  /**
   * Builds an {@link ExtensionRegistry}. Not thread-safe; {@link #build()} may be called more than
   * once.
   */
  public static final class Builder {

    /** A type to bind through the mapper, with its element name or {@code null} (annotated). */
    private record Binding(Class<?> type, XmlName name) {
    }

    private final List<ExtensionCodec<?>> codecs = new ArrayList<>();
    private final List<Binding> bindings = new ArrayList<>();
    private XmlMapper mapper;

    private Builder() {
    }

    /** Adds a codec. */
    public Builder register(ExtensionCodec<?> codec) {
      codecs.add(Objects.requireNonNull(codec, "codec"));
      return this;
    }

    /**
     * Binds a class or record through the XmlMapper, with the element name of its
     * {@code @JacksonXmlRootElement} or {@code @JsonRootName} annotation.
     *
     * @throws IllegalArgumentException if it has no such annotation with a namespace
     */
    public Builder bind(Class<?> type) {
      JacksonExtensionCodec.rootName(type); // fail early
      bindings.add(new Binding(type, null));
      return this;
    }

    /** Binds a class or record through the XmlMapper, to elements of the given name. */
    public Builder bind(Class<?> type, XmlName name) {
      bindings.add(new Binding(Objects.requireNonNull(type, "type"),
          Objects.requireNonNull(name, "name")));
      return this;
    }

    /**
     * The XmlMapper for {@link #bind bound} types; by default {@link #newSecureXmlMapper()}. A mapper
     * given here is used as it is: configure it as securely if it ever parses text.
     */
    public Builder xmlMapper(XmlMapper xmlMapper) {
      this.mapper = Objects.requireNonNull(xmlMapper, "xmlMapper");
      return this;
    }

    /**
     * Builds the registry.
     *
     * @throws IllegalArgumentException if two codecs read the same element name or take the same type
     */
    public ExtensionRegistry build() {
      List<ExtensionCodec<?>> all = new ArrayList<>(codecs);
      if (!bindings.isEmpty()) {
        XmlMapper m = mapper == null ? newSecureXmlMapper() : mapper;
        for (Binding b : bindings) {
          all.add(b.name() == null ? JacksonExtensionCodec.of(m, b.type())
              : JacksonExtensionCodec.of(m, b.type(), b.name()));
        }
      }
      Map<XmlName, ExtensionCodec<?>> byName = new LinkedHashMap<>();
      Map<Class<?>, ExtensionCodec<?>> byType = new LinkedHashMap<>();
      for (ExtensionCodec<?> c : all) {
        ExtensionCodec<?> old = byName.put(c.name(), c);
        if (old != null) {
          throw new IllegalArgumentException("two codecs read " + c.name() + ": " + old + ", " + c);
        }
        old = byType.put(c.type(), c);
        if (old != null) {
          throw new IllegalArgumentException("two codecs take " + c.type().getName() + ": " + old
              + ", " + c);
        }
      }
      return new ExtensionRegistry(Collections.unmodifiableMap(byName),
          Collections.unmodifiableMap(byType));
    }
  }
}
