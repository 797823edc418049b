package dev.xmppreactive.sasl;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Strict base64 (RFC 4648 §4) and UTF-8 decoding whose failures are typed protocol violations. */
final class SaslCodec {

  private SaslCodec() {
  }

  /**
   * Decodes base64 of RFC 4648 §4: the standard alphabet, padding required, nothing else inside.
   *
   * @param text the text, without surrounding whitespace
   * @param what what the text is, for the message
   * @throws SaslException ({@link SaslException.Kind#PROTOCOL_VIOLATION}) if it is not such base64
   */
  static byte[] base64(String text, String what) {
    if (text.length() % 4 != 0) {
      throw SaslException.local(SaslException.Kind.PROTOCOL_VIOLATION,
          "malformed base64 in " + what + ": length is not a multiple of 4");
    }
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw SaslException.local(SaslException.Kind.PROTOCOL_VIOLATION,
          "malformed base64 in " + what + ": " + e.getMessage(), e);
    }
  }

  /** Encodes base64 with padding. */
  static String base64(byte[] data) {
    return Base64.getEncoder().encodeToString(data);
  }

  /**
   * Decodes UTF-8 strictly.
   *
   * @throws SaslException ({@link SaslException.Kind#PROTOCOL_VIOLATION}) if it is not UTF-8
   */
  static String utf8(byte[] data, String what) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data)).toString();
    } catch (CharacterCodingException e) {
      throw SaslException.local(SaslException.Kind.PROTOCOL_VIOLATION,
          what + " is not valid UTF-8", e);
    }
  }
}
