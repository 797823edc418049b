package dev.xmppreactive.sasl;

import com.ongres.saslprep.SASLprep;

/**
 * SASLprep (RFC 4013) for stored strings, as RFC 5802 §2.2 Normalize() asks, from the OnGres
 * stringprep library (test scope only): the preparation the SCRAM vectors were generated with.
 */
final class SaslPrepForTests {

  static final StringPreparation SASLPREP = s -> new SASLprep().prepareStored(s);

  private SaslPrepForTests() {
  }
}
