package dev.xmppreactive.tls;

import java.security.Provider;
import java.security.SecureRandom;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;

/**
 * A private BouncyCastle JSSE provider instance (never registered in {@code java.security.Security})
 * whose TLS crypto uses the JVM's JCA providers with a private BouncyCastle JCA provider as fallback
 * ({@link FallbackJcaJceHelper}).
 */
final class BouncyCastleJsse {

  private BouncyCastleJsse() {
  }

  /** A new provider instance. */
  static Provider newProvider() {
    FallbackJcaJceHelper helper = new FallbackJcaJceHelper(new BouncyCastleProvider());
    JcaTlsCryptoProvider crypto = new JcaTlsCryptoProvider() {
      @Override
      public JcaTlsCrypto create(SecureRandom random) {
        return create(random, random);
      }

      @Override
      public JcaTlsCrypto create(SecureRandom keyRandom, SecureRandom nonceRandom) {
        SecureRandom k = keyRandom == null ? new SecureRandom() : keyRandom;
        SecureRandom n = nonceRandom == null ? new SecureRandom() : nonceRandom;
        return new JcaTlsCrypto(helper, k, n) {
        };
      }
    };
    return new BouncyCastleJsseProvider(false, crypto);
  }
}
