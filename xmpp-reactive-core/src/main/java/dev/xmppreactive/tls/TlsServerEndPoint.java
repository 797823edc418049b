package dev.xmppreactive.tls;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;

/**
 * The {@code tls-server-end-point} channel binding, RFC 5929 §4.1: the hash of the server's
 * end-entity certificate (its DER encoding), with the hash function of the certificate's signature
 * algorithm, except that MD5 and SHA-1 are replaced by SHA-256. For signature algorithms without a
 * single hash function (Ed25519, Ed448) the binding is undefined, and this gives empty.
 */
final class TlsServerEndPoint {

  private TlsServerEndPoint() {
  }

  /** The binding data for a server certificate, or empty if RFC 5929 leaves it undefined. */
  static Optional<byte[]> of(X509Certificate cert) {
    String hash = hashFor(cert);
    if (hash == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(MessageDigest.getInstance(hash).digest(cert.getEncoded()));
    } catch (GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  /** The JCA digest name RFC 5929 §4.1 prescribes for the certificate, or {@code null}. */
  static String hashFor(X509Certificate cert) {
    String oid = cert.getSigAlgOID();
    return switch (oid) {
      // md5WithRSA, sha1WithRSA, ecdsa-with-SHA1, dsa-with-sha1: MD5 and SHA-1 become SHA-256
      case "1.2.840.113549.1.1.4", "1.2.840.113549.1.1.5", "1.2.840.10045.4.1", "1.2.840.10040.4.3",
           "1.2.840.113549.1.1.11", "1.2.840.10045.4.3.2", "2.16.840.1.101.3.4.3.2" -> "SHA-256";
      case "1.2.840.113549.1.1.14", "1.2.840.10045.4.3.1", "2.16.840.1.101.3.4.3.1" -> "SHA-224";
      case "1.2.840.113549.1.1.12", "1.2.840.10045.4.3.3" -> "SHA-384";
      case "1.2.840.113549.1.1.13", "1.2.840.10045.4.3.4" -> "SHA-512";
      case "1.2.840.113549.1.1.10" -> pssHash(cert.getSigAlgParams());
      default -> null;
    };
  }

  private static String pssHash(byte[] params) {
    if (params == null) {
      return null;
    }
    try {
      String hashOid = RSASSAPSSparams.getInstance(org.bouncycastle.asn1.ASN1Sequence.getInstance(params)).getHashAlgorithm().getAlgorithm().getId();
      return switch (hashOid) {
        case "1.3.14.3.2.26", "2.16.840.1.101.3.4.2.1" -> "SHA-256";
        case "2.16.840.1.101.3.4.2.2" -> "SHA-384";
        case "2.16.840.1.101.3.4.2.3" -> "SHA-512";
        case "2.16.840.1.101.3.4.2.4" -> "SHA-224";
        default -> null;
      };
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
