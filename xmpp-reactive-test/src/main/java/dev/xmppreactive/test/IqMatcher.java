package dev.xmppreactive.test;

import dev.xmppreactive.stanza.Iq;
import dev.xmppreactive.stanza.StanzaErrorCondition;
import java.util.List;

/** An expectation about an IQ; see {@link StanzaMatcher} and {@link XmppSteps#iq()}. */
public final class IqMatcher extends StanzaMatcher<Iq, IqMatcher> {

  IqMatcher(List<Condition<Iq>> conditions) {
    super(Iq.class, "an iq", conditions);
  }

  @Override
  IqMatcher with(List<Condition<Iq>> conditions) {
    return new IqMatcher(conditions);
  }

  /** Of this type (RFC 6120 §8.2.3). */
  public IqMatcher type(Iq.Type type) {
    return and("of type " + type.value(), iq -> iq.type() == type ? null
        : "its type is " + iq.type().value());
  }

  /** Whose payload (the one child element) has this name. */
  public IqMatcher payload(String localName, String namespace) {
    return and("with payload <" + localName + " xmlns='" + namespace + "'/>",
        iq -> iq.payload() != null && iq.payload().is(localName, namespace) ? null
            : "its payload is " + (iq.payload() == null ? "absent" : iq.payload().name()));
  }

  /** An error with this condition (RFC 6120 §8.3.3). */
  public IqMatcher error(StanzaErrorCondition condition) {
    return and("with error " + condition.elementName(), iq -> iq.error() != null
        && iq.error().condition() == condition ? null
        : "its error is " + (iq.error() == null ? "absent" : iq.error().condition().elementName()));
  }
}
