package dev.xmppreactive.test;

import dev.xmppreactive.sasl.SaslFailureCondition;

/** The server's answer to one client message of a SASL exchange (RFC 6120 §6.4). */
sealed interface SaslServerStep {

  /** Send {@code <challenge/>} with this data and wait for a response. */
  record Challenge(byte[] data) implements SaslServerStep {
  }

  /** Authenticated as {@code username}; send {@code <success/>} with the data, or none if null. */
  record Success(String username, byte[] data) implements SaslServerStep {
  }

  /** Send {@code <failure/>} with this condition and text (RFC 6120 §6.5). */
  record Failure(SaslFailureCondition condition, String text) implements SaslServerStep {
  }
}
