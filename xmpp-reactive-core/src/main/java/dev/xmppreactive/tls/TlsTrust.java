package dev.xmppreactive.tls;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.TrustManagerFactory;

/**
 * Where the client's trust in server certificates comes from (RFC 6120 §13.7.2: path validation to a
 * trust anchor). Whichever trust is chosen, except {@link #insecureTrustAnyCertificate()}, the server's
 * identity is then checked against the XMPP domain (RFC 6125 §6, see {@link ServerIdentityVerifier}).
 *
 * <p>Revocation: the JDK and BouncyCastle trust managers do not check CRLs or OCSP by default. To have
 * them checked, pass a {@link TrustManagerFactory} initialised with
 * {@code CertPathTrustManagerParameters} that enable revocation.
 */
public sealed interface TlsTrust {

  /** The JDK's trust store ({@code cacerts}, or {@code javax.net.ssl.trustStore} if set). The default. */
  static TlsTrust jdkDefault() {
    return JdkDefault.INSTANCE;
  }

  /**
   * Trust anchors read from PEM files, each holding one or more {@code CERTIFICATE} blocks. Only these
   * anchors are trusted, not the JDK's.
   *
   * @throws IllegalArgumentException if no file is given
   */
  static TlsTrust pemFiles(Path... files) {
    return new PemFiles(List.of(files));
  }

  /** The trust managers of a factory the caller has initialised. */
  static TlsTrust trustManagerFactory(TrustManagerFactory factory) {
    return new Factory(factory);
  }

  /**
   * INSECURE, FOR DEVELOPMENT ONLY: accept any certificate from anyone, without validating the chain
   * or the server's identity. Anyone on the network path can then read and change the stream, and
   * obtain the password of any SASL mechanism that reveals it. Never use this against a server you do
   * not run on your own machine; the client logs a warning each time a context is built with it.
   */
  static TlsTrust insecureTrustAnyCertificate() {
    return InsecureTrustAnyCertificate.INSTANCE;
  }

  /** The JDK's default trust store. */
  enum JdkDefault implements TlsTrust {
    /** The single value. */
    INSTANCE
  }

  /**
   * Trust anchors from PEM files.
   *
   * @param files the files, at least one
   */
  record PemFiles(List<Path> files) implements TlsTrust {
    /** Copies the list and checks that it is not empty. */
    public PemFiles {
      files = List.copyOf(files);
      if (files.isEmpty()) {
        throw new IllegalArgumentException("at least one PEM file is needed");
      }
    }
  }

  /**
   * A caller's trust manager factory, already initialised.
   *
   * @param factory the factory
   */
  record Factory(TrustManagerFactory factory) implements TlsTrust {
    /** Checks the factory is given. */
    public Factory {
      Objects.requireNonNull(factory, "factory");
    }
  }

  /** Accept every certificate; see {@link TlsTrust#insecureTrustAnyCertificate()}. */
  enum InsecureTrustAnyCertificate implements TlsTrust {
    /** The single value. */
    INSTANCE
  }
}
