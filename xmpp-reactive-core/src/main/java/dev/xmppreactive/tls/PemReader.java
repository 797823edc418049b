package dev.xmppreactive.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * Reads PEM files (RFC 7468): {@code CERTIFICATE} blocks and an unencrypted PKCS#8 {@code PRIVATE KEY}.
 * Every failure is a {@link TlsException} with {@link TlsException.Reason#INVALID_CONFIGURATION} that
 * names the file. Files larger than 4 MiB are refused, so a wrong path cannot fill the heap.
 */
final class PemReader {

  private static final long MAX_FILE = 4L * 1024 * 1024;

  private PemReader() {
  }

  /** A PEM block: its label and its decoded content. */
  record Block(String label, byte[] der) {
  }

  /** The certificates of a file, in file order; at least one. */
  static List<X509Certificate> certificates(Path file) {
    List<X509Certificate> out = new ArrayList<>();
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      for (Block b : blocks(file)) {
        if (b.label().equals("CERTIFICATE") || b.label().equals("X509 CERTIFICATE")
            || b.label().equals("TRUSTED CERTIFICATE")) {
          out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(b.der())));
        }
      }
    } catch (GeneralSecurityException e) {
      throw TlsException.invalidConfiguration("a certificate in the PEM file does not parse: " + e.getMessage(),
          file, e);
    }
    if (out.isEmpty()) {
      throw TlsException.invalidConfiguration("no CERTIFICATE block in the PEM file", file, null);
    }
    return out;
  }

  /** The private key of a file holding one PKCS#8 {@code PRIVATE KEY} block. */
  static PrivateKey privateKey(Path file) {
    for (Block b : blocks(file)) {
      switch (b.label()) {
        case "PRIVATE KEY" -> {
          return decodePkcs8(b.der(), file);
        }
        case "ENCRYPTED PRIVATE KEY" -> throw TlsException.invalidConfiguration(
            "encrypted private keys are not supported; decrypt it to an unencrypted PKCS#8 PRIVATE KEY", file, null);
        case "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY" -> throw TlsException.invalidConfiguration(
            "the key is in a legacy format (" + b.label() + "); convert it to PKCS#8 (openssl pkcs8 -topk8 -nocrypt)",
            file, null);
        default -> { }
      }
    }
    throw TlsException.invalidConfiguration("no PRIVATE KEY block in the PEM file", file, null);
  }

  private static PrivateKey decodePkcs8(byte[] der, Path file) {
    String algorithm;
    try {
      String oid = PrivateKeyInfo.getInstance(der).getPrivateKeyAlgorithm().getAlgorithm().getId();
      algorithm = switch (oid) {
        case "1.2.840.113549.1.1.1" -> "RSA";
        case "1.2.840.113549.1.1.10" -> "RSASSA-PSS";
        case "1.2.840.10045.2.1" -> "EC";
        case "1.3.101.112" -> "Ed25519";
        case "1.3.101.113" -> "Ed448";
        case "1.2.840.10040.4.1" -> "DSA";
        default -> throw TlsException.invalidConfiguration("unsupported private key algorithm " + oid, file, null);
      };
    } catch (IllegalArgumentException e) {
      throw TlsException.invalidConfiguration("the PRIVATE KEY block is not PKCS#8", file, e);
    }
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw TlsException.invalidConfiguration("the " + algorithm + " private key does not parse: " + e.getMessage(),
          file, e);
    }
  }

  /** The blocks of a file, in order. */
  static List<Block> blocks(Path file) {
    String text;
    try {
      if (Files.size(file) > MAX_FILE) {
        throw TlsException.invalidConfiguration("the PEM file is larger than 4 MiB", file, null);
      }
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw TlsException.invalidConfiguration("cannot read the PEM file (" + e + ")", file, e);
    }
    List<Block> out = new ArrayList<>();
    int pos = 0;
    while (true) {
      int begin = text.indexOf("-----BEGIN ", pos);
      if (begin < 0) {
        return out;
      }
      int labelEnd = text.indexOf("-----", begin + 11);
      if (labelEnd < 0) {
        throw TlsException.invalidConfiguration("unterminated BEGIN line in the PEM file", file, null);
      }
      String label = text.substring(begin + 11, labelEnd);
      String endLine = "-----END " + label + "-----";
      int end = text.indexOf(endLine, labelEnd + 5);
      if (end < 0) {
        throw TlsException.invalidConfiguration("no '" + endLine + "' in the PEM file", file, null);
      }
      String body = text.substring(labelEnd + 5, end);
      try {
        out.add(new Block(label, Base64.getMimeDecoder().decode(body.replaceAll("\\s", ""))));
      } catch (IllegalArgumentException e) {
        throw TlsException.invalidConfiguration("bad base64 in the " + label + " block of the PEM file", file, e);
      }
      pos = end + endLine.length();
    }
  }
}
