package dev.xmppreactive.sasl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A SCRAM server for tests, written apart from the client's code: the salted password comes from the
 * JCE's PBKDF2, the messages are parsed here. It checks what the client sends (GS2 header, channel
 * binding in c=, the proof) and answers with server-first and server-final.
 */
final class TestScramServer {

  private final String jce;
  private final String mac;
  private final String digest;
  private final String expectedGs2Header;
  private final byte[] expectedCbData;
  private final String password;
  private final byte[] salt = "a salt of sixteen".getBytes(StandardCharsets.US_ASCII);
  private final int iterations;
  private final String extraServerFirst;
  private String clientFirstBare;
  private String serverFirst;
  private String nonce;
  String lastClientFinal;

  /**
   * @param hashName          SHA-1, SHA-256 or SHA-512
   * @param expectedGs2Header the GS2 header the client must send, e.g. "p=tls-exporter,,"
   * @param expectedCbData    the channel-binding data the client must bind, or empty
   * @param extraServerFirst  attributes appended to server-first (e.g. ",h=…"), or ""
   */
  TestScramServer(String hashName, String password, int iterations, String expectedGs2Header,
      byte[] expectedCbData, String extraServerFirst) {
    String h = hashName.replace("-", "");
    this.jce = "PBKDF2WithHmac" + h;
    this.mac = "Hmac" + h;
    this.digest = hashName;
    this.password = password;
    this.iterations = iterations;
    this.expectedGs2Header = expectedGs2Header;
    this.expectedCbData = expectedCbData;
    this.extraServerFirst = extraServerFirst;
  }

  /** Takes client-first, returns server-first. */
  String first(String clientFirst) {
    if (!clientFirst.startsWith(expectedGs2Header)) {
      throw new AssertionError("GS2 header: expected " + expectedGs2Header + " in " + clientFirst);
    }
    clientFirstBare = clientFirst.substring(expectedGs2Header.length());
    Map<Character, String> a = attributes(clientFirstBare);
    nonce = a.get('r') + "SERVERnonce";
    serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i="
        + iterations + extraServerFirst;
    return serverFirst;
  }

  /** Takes client-final, checks binding and proof, returns server-final. */
  String last(String clientFinal) throws GeneralSecurityException {
    lastClientFinal = clientFinal;
    Map<Character, String> a = attributes(clientFinal);
    byte[] cbind = Base64.getDecoder().decode(a.get('c'));
    byte[] header = expectedGs2Header.getBytes(StandardCharsets.UTF_8);
    byte[] expected = Arrays.copyOf(header, header.length + expectedCbData.length);
    System.arraycopy(expectedCbData, 0, expected, header.length, expectedCbData.length);
    if (!Arrays.equals(cbind, expected)) {
      throw new AssertionError("c= is not base64(gs2-header + cb-data)");
    }
    if (!nonce.equals(a.get('r'))) {
      throw new AssertionError("nonce");
    }
    String withoutProof = clientFinal.substring(0, clientFinal.lastIndexOf(",p="));
    byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof)
        .getBytes(StandardCharsets.UTF_8);
    byte[] salted = SecretKeyFactory.getInstance(jce).generateSecret(new PBEKeySpec(
        password.toCharArray(), salt, iterations, 8 * MessageDigest.getInstance(digest)
            .getDigestLength())).getEncoded();
    byte[] clientKey = hmac(salted, "Client Key");
    byte[] storedKey = MessageDigest.getInstance(digest).digest(clientKey);
    byte[] proof = Base64.getDecoder().decode(a.get('p'));
    byte[] signature = hmac(storedKey, authMessage);
    for (int i = 0; i < proof.length; i++) {
      proof[i] ^= signature[i];
    }
    if (!Arrays.equals(MessageDigest.getInstance(digest).digest(proof), storedKey)) {
      throw new AssertionError("the client proof does not verify");
    }
    return "v=" + Base64.getEncoder().encodeToString(hmac(hmac(salted, "Server Key"), authMessage));
  }

  private byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
    return hmac(key, data.getBytes(StandardCharsets.UTF_8));
  }

  private byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
    Mac m = Mac.getInstance(mac);
    m.init(new SecretKeySpec(key, mac));
    return m.doFinal(data);
  }

  static Map<Character, String> attributes(String message) {
    Map<Character, String> out = new LinkedHashMap<>();
    for (String part : message.split(",")) {
      out.putIfAbsent(part.charAt(0), part.substring(2));
    }
    return out;
  }
}
