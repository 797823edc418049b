package dev.xmppreactive.stream;

import dev.xmppreactive.xml.XmlElement;
import dev.xmppreactive.xml.XmlNode;
import java.util.Objects;

/**
 * A stream error, RFC 6120 §4.9: {@code <stream:error>} with a defined condition, optional text and an
 * optional application-specific condition. A stream error is unrecoverable: the stream closes after it.
 *
 * @param condition      the defined condition
 * @param text           the descriptive text (§4.9.2), or {@code null}
 * @param textLang       the {@code xml:lang} of the text, or {@code null}
 * @param application    an application-specific condition element (§4.9.4), or {@code null}
 * @param conditionValue the content of the condition element, which {@code see-other-host} uses for
 *                       the new host (§4.9.3.19); {@code ""} for the others
 */
public record StreamError(StreamErrorCondition condition, String text, String textLang,
                          XmlElement application, String conditionValue) {

  public StreamError {
    Objects.requireNonNull(condition, "condition");
    conditionValue = conditionValue == null ? "" : conditionValue;
  }

  /** A stream error with a condition and an optional text. */
  public static StreamError of(StreamErrorCondition condition, String text) {
    return new StreamError(condition, text, null, null, "");
  }

  /**
   * Reads a {@code <stream:error>} element. An element without a defined condition gets
   * {@link StreamErrorCondition#UNDEFINED_CONDITION}, as §4.9.3.21 says a receiver should treat it.
   */
  public static StreamError fromElement(XmlElement e) {
    StreamErrorCondition condition = StreamErrorCondition.UNDEFINED_CONDITION;
    String value = "";
    String text = null;
    String lang = null;
    XmlElement app = null;
    boolean sawCondition = false;
    for (XmlNode n : e.children()) {
      if (!(n instanceof XmlElement c)) {
        continue;
      }
      if (c.namespace().equals(StreamErrorCondition.NS)) {
        if (c.localName().equals("text")) {
          text = c.text();
          lang = c.lang();
        } else if (!sawCondition) {
          condition = StreamErrorCondition.fromElementName(c.localName());
          value = c.text();
          sawCondition = true;
        }
      } else if (app == null) {
        app = c;
      }
    }
    return new StreamError(condition, text, lang, app, value);
  }

  /** Whether an element is a {@code <stream:error>}. */
  public static boolean isStreamError(XmlElement e) {
    return e.is("error", StreamHeader.STREAM_NS);
  }

  /** This error as a {@code <stream:error>} element. */
  public XmlElement toElement() {
    XmlElement.Builder b = XmlElement.builder("error", StreamHeader.STREAM_NS).prefix("stream");
    XmlElement.Builder cond = XmlElement.builder(condition.elementName(), StreamErrorCondition.NS);
    cond.text(conditionValue);
    b.child(cond.build());
    if (text != null) {
      b.child(XmlElement.builder("text", StreamErrorCondition.NS).lang(textLang).text(text).build());
    }
    if (application != null) {
      b.child(application);
    }
    return b.build();
  }
}
