package dev.xmppreactive.benchmarks.codec;

import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.xml.SmackXmlParser;

/** Smack's initialisation, and the check that it parses with XPP3, its default parser. */
final class SmackSetup {

  private SmackSetup() {
  }

  /**
   * Initialises Smack (its providers, those of smack-im and smack-extensions included) and checks
   * that its parser factory is XPP3's.
   *
   * @throws IllegalStateException if Smack would parse with another parser
   */
  static void requireXpp3() {
    SmackConfiguration.getVersion(); // runs Smack's initialisation, which registers the providers
    String factory = SmackXmlParser.getXmlPullParserFactory().getClass().getName();
    if (!factory.startsWith("org.jivesoftware.smack.xml.xpp3.")) {
      throw new IllegalStateException("Smack parses with " + factory + ", not XPP3");
    }
  }
}
