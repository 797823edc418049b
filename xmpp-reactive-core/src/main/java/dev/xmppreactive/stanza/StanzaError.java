package dev.xmppreactive.stanza;

import dev.xmppreactive.jid.Jid;
import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlName;
import dev.xmppreactive.xml.XmlNode;
import java.util.Locale;
import java.util.Objects;

/**
 * A stanza error, RFC 6120 §8.3: the {@code <error/>} child of a stanza of type {@code error}, with an
 * error type, a defined condition, an optional descriptive text, an optional application-specific
 * condition and an optional {@code by} address.
 *
 * <pre>{@code
 * StanzaError e = StanzaError.of(StanzaErrorCondition.ITEM_NOT_FOUND)    // type cancel, §8.3.3.7
 *     .withText("no such node", "en");
 * StanzaError moved = StanzaError.redirect("xmpp:characters@conference.example.org");
 * }</pre>
 *
 * @param type                 the error type (§8.3.2)
 * @param condition            the defined condition (§8.3.3)
 * @param conditionValue       the character data of the condition element, which {@code gone} and
 *                             {@code redirect} use for a new address (§8.3.3.5, §8.3.3.14), trimmed;
 *                             {@code ""} when there is none, and always for the other conditions
 * @param text                 the descriptive text (§8.3.2), or {@code null}; for humans and
 *                             diagnostics only, never to be interpreted by a program
 * @param textLang             the {@code xml:lang} of the text, or {@code null}
 * @param applicationCondition an application-specific condition element (§8.3.4), or {@code null}
 * @param by                   the entity that returned the error (§8.3.1 rule 5), or {@code null}
 */
public record StanzaError(Type type, StanzaErrorCondition condition, String conditionValue,
                          String text, String textLang, XmlElement applicationCondition, Jid by) {

  /** The error types, RFC 6120 §8.3.2. */
  public enum Type {
    /** Retry after providing credentials. */
    AUTH,
    /** Do not retry: the error cannot be remedied. */
    CANCEL,
    /** Proceed: the condition was only a warning. */
    CONTINUE,
    /** Retry after changing the data sent. */
    MODIFY,
    /** Retry after waiting: the error is temporary. */
    WAIT;

    private final String value = name().toLowerCase(Locale.ROOT);

    /** The value of the {@code type} attribute, as {@code cancel}. */
    public String value() {
      return value;
    }

    /** The type of an attribute value, or {@code null} if the value is none of the five. */
    public static Type fromValue(String value) {
      if (value == null) {
        return null;
      }
      return switch (value) {
        case "auth" -> AUTH;
        case "cancel" -> CANCEL;
        case "continue" -> CONTINUE;
        case "modify" -> MODIFY;
        case "wait" -> WAIT;
        default -> null;
      };
    }
  }

  private static final XmlName BY = new XmlName("", "by");
  private static final XmlName TYPE = new XmlName("", "type");

  /**
   * Creates an error.
   *
   * @throws NullPointerException     if the type or condition is {@code null}
   * @throws IllegalArgumentException if a condition value is given for a condition other than
   *                                  {@code gone} and {@code redirect}, or the application-specific
   *                                  condition is in the {@code urn:ietf:params:xml:ns:xmpp-stanzas}
   *                                  namespace
   */
  public StanzaError {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(condition, "condition");
    conditionValue = conditionValue == null ? "" : conditionValue;
    if (!conditionValue.isEmpty() && condition != StanzaErrorCondition.GONE
        && condition != StanzaErrorCondition.REDIRECT) {
      throw new IllegalArgumentException(
          "only gone and redirect carry a value (RFC 6120 §8.3.3), not " + condition.elementName());
    }
    if (applicationCondition != null
        && applicationCondition.namespace().equals(StanzaErrorCondition.NS)) {
      throw new IllegalArgumentException("an application-specific condition must be in a namespace "
          + "of its own (RFC 6120 §8.3.4), not " + StanzaErrorCondition.NS);
    }
  }

  /** An error with the condition's recommended type (RFC 6120 §8.3.3) and nothing else. */
  public static StanzaError of(StanzaErrorCondition condition) {
    return new StanzaError(condition.defaultType(), condition, "", null, null, null, null);
  }

  /** An error with the condition's recommended type and a descriptive text without a language. */
  public static StanzaError of(StanzaErrorCondition condition, String text) {
    return new StanzaError(condition.defaultType(), condition, "", text, null, null, null);
  }

  /** An error with the given type. */
  public static StanzaError of(Type type, StanzaErrorCondition condition) {
    return new StanzaError(type, condition, "", null, null, null, null);
  }

  /** A {@code gone} error (type cancel) naming the new address (a URI or IRI), RFC 6120 §8.3.3.5. */
  public static StanzaError gone(String newAddress) {
    return new StanzaError(Type.CANCEL, StanzaErrorCondition.GONE, newAddress, null, null, null, null);
  }

  /** A {@code redirect} error (type modify) naming the address to use, RFC 6120 §8.3.3.14. */
  public static StanzaError redirect(String alternateAddress) {
    return new StanzaError(Type.MODIFY, StanzaErrorCondition.REDIRECT, alternateAddress, null, null,
        null, null);
  }

  /** A copy with another type. */
  public StanzaError withType(Type newType) {
    return new StanzaError(newType, condition, conditionValue, text, textLang, applicationCondition,
        by);
  }

  /** A copy with the descriptive text and its language ({@code null} for none). */
  public StanzaError withText(String newText, String lang) {
    return new StanzaError(type, condition, conditionValue, newText, lang, applicationCondition, by);
  }

  /** A copy with an application-specific condition element (RFC 6120 §8.3.4). */
  public StanzaError withApplicationCondition(XmlElement element) {
    return new StanzaError(type, condition, conditionValue, text, textLang, element, by);
  }

  /** A copy with the {@code by} address (RFC 6120 §8.3.1 rule 5). */
  public StanzaError withBy(Jid newBy) {
    return new StanzaError(type, condition, conditionValue, text, textLang, applicationCondition,
        newBy);
  }

  /**
   * Reads an {@code <error/>} element, leniently, since an error is never answered (RFC 6120 §8.3.1
   * rule 8): an unknown or missing condition is {@link StanzaErrorCondition#UNDEFINED_CONDITION}
   * (§8.3.2), an unknown or missing type is the condition's recommended type, an invalid {@code by}
   * address is left out, and only the first {@code <text/>} and the first application-specific
   * element are read. The element itself, which a stanza keeps, is unchanged.
   */
  public static StanzaError fromElement(XmlElement error) {
    StanzaErrorCondition condition = null;
    String value = "";
    String text = null;
    String lang = null;
    XmlElement app = null;
    var children = error.children();
    for (int i = 0, n = children.size(); i < n; i++) {
      XmlNode node = children.get(i);
      if (!(node instanceof XmlElement c)) {
        continue;
      }
      if (c.namespace().equals(StanzaErrorCondition.NS)) {
        if (c.localName().equals("text")) {
          if (text == null) {
            text = c.text();
            lang = c.lang();
          }
        } else if (condition == null) {
          condition = StanzaErrorCondition.fromElementName(c.localName());
          if (condition == StanzaErrorCondition.GONE || condition == StanzaErrorCondition.REDIRECT) {
            value = c.text().strip();
          }
        }
      } else if (app == null) {
        app = c;
      }
    }
    if (condition == null) {
      condition = StanzaErrorCondition.UNDEFINED_CONDITION;
    }
    Type type = Type.fromValue(error.attribute(TYPE));
    if (type == null) {
      type = condition.defaultType();
    }
    return new StanzaError(type, condition, value, text, lang, app, Jid.ofOrNull(error.attribute(BY)));
  }

  /** This error as an {@code <error/>} element in the {@code jabber:client} namespace. */
  public XmlElement toElement() {
    return toElement(Stanza.CLIENT_NS);
  }

  /**
   * This error as an {@code <error/>} element (RFC 6120 §8.3.2) in the given content namespace
   * ({@code jabber:client} or {@code jabber:server}).
   */
  public XmlElement toElement(String contentNamespace) {
    XmlElement.Builder b = XmlElement.builder("error", contentNamespace);
    if (by != null) {
      b.attribute(BY, "", by.toString());
    }
    b.attribute(TYPE, "", type.value());
    b.child(XmlElement.builder(condition.elementName(), StanzaErrorCondition.NS)
        .text(conditionValue).build());
    if (text != null) {
      b.child(XmlElement.builder("text", StanzaErrorCondition.NS).lang(textLang).text(text).build());
    }
    if (applicationCondition != null) {
      b.child(applicationCondition);
    }
    return b.build();
  }

  /** A short description for logs: {@code cancel/item-not-found: text}. */
  String describe() {
    StringBuilder sb = new StringBuilder(48).append(type.value()).append('/')
        .append(condition.elementName());
    if (!conditionValue.isEmpty()) {
      sb.append(" (").append(conditionValue).append(')');
    }
    if (applicationCondition != null) {
      sb.append(" [").append(applicationCondition.name()).append(']');
    }
    if (text != null) {
      sb.append(": ").append(text);
    }
    return sb.toString();
  }
}
