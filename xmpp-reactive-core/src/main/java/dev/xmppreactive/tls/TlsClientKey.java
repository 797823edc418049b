package dev.xmppreactive.tls;

import java.nio.file.Path;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;

/**
 * The client's own certificate and private key, presented when the server asks for one during the
 * handshake; used by SASL EXTERNAL (XEP-0178, RFC 6120 §13.7.1.3).
 */
public sealed interface TlsClientKey {

  /** The key managers of a factory the caller has initialised. */
  static TlsClientKey keyManagerFactory(KeyManagerFactory factory) {
    return new Factory(factory);
  }

  /**
   * A certificate chain (PEM {@code CERTIFICATE} blocks, leaf first) and its unencrypted PKCS#8 private
   * key (a PEM {@code PRIVATE KEY} block; RSA, EC, Ed25519 or Ed448).
   */
  static TlsClientKey pem(Path certificateChain, Path privateKey) {
    return new Pem(certificateChain, privateKey);
  }

  /**
   * A caller's key manager factory, already initialised.
   *
   * @param factory the factory
   */
  record Factory(KeyManagerFactory factory) implements TlsClientKey {
    /** Checks the factory is given. */
    public Factory {
      Objects.requireNonNull(factory, "factory");
    }
  }

  /**
   * PEM files.
   *
   * @param certificateChain the chain, leaf first
   * @param privateKey       the PKCS#8 key of the leaf
   */
  record Pem(Path certificateChain, Path privateKey) implements TlsClientKey {
    /** Checks both paths are given. */
    public Pem {
      Objects.requireNonNull(certificateChain, "certificateChain");
      Objects.requireNonNull(privateKey, "privateKey");
    }
  }
}
