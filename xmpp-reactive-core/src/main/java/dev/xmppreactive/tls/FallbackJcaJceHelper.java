package dev.xmppreactive.tls;

import java.security.AlgorithmParameterGenerator;
import java.security.AlgorithmParameters;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.CertStoreParameters;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import javax.crypto.Cipher;
import javax.crypto.ExemptionMechanism;
import javax.crypto.KeyAgreement;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.SecretKeyFactory;
import org.bouncycastle.jcajce.util.DefaultJcaJceHelper;
import org.bouncycastle.jcajce.util.JcaJceHelper;
import org.bouncycastle.jcajce.util.ProviderJcaJceHelper;

/**
 * Looks algorithms up in the JVM's installed providers first (fast, hardware-accelerated AES-GCM) and
 * in a private BouncyCastle JCA provider instance second. BouncyCastle's TLS looks up RSASSA-PSS under
 * its own names ({@code SHA256WITHRSAANDMGF1}), which the JDK lacks; without the fallback, TLS 1.3
 * with RSA certificates fails ({@code handshake_failure}: no suitable signature algorithm).
 */
final class FallbackJcaJceHelper implements JcaJceHelper {

  private final JcaJceHelper primary = new DefaultJcaJceHelper();
  private final JcaJceHelper fallback;

  FallbackJcaJceHelper(Provider fallback) {
    this.fallback = new ProviderJcaJceHelper(fallback);
  }

  @Override
  public Cipher createCipher(String a) throws NoSuchAlgorithmException, NoSuchPaddingException, NoSuchProviderException {
    try {
      return primary.createCipher(a);
    } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
      return fallback.createCipher(a);
    }
  }

  @Override
  public Mac createMac(String a) throws NoSuchAlgorithmException, NoSuchProviderException {
    try {
      return primary.createMac(a);
    } catch (NoSuchAlgorithmException e) {
      return fallback.createMac(a);
    }
  }

  @Override
  public KeyAgreement createKeyAgreement(String a) throws NoSuchAlgorithmException, NoSuchProviderException {
    try {
      return primary.createKeyAgreement(a);
    } catch (NoSuchAlgorithmException e) {
      return fallback.createKeyAgreement(a);
    }
  }

  @Override
  public AlgorithmParameterGenerator createAlgorithmParameterGenerator(String a)
      throws NoSuchAlgorithmException, NoSuchProviderException {
    try {
      return primary.createAlgorithmParameterGenerator(a);
    } catch (NoSuchAlgorithmException e) {
      return fallback.createAlgorithmParameterGenerator(a);
    }
  }

  @Override
  public AlgorithmParameters createAlgorithmParameters(String a) throws NoSuchAlgorithmException, NoSuchProviderException {
    try {
      return primary.createAlgorithmParameters(a);
    } catch (NoSuchAlgorithmException e) {
      return fallback.createAlgorithmParameters(a);
    }
  }

  @Override
  public KeyGenerator createKeyGenerator(String a) throws NoSuchAlgorithmException, NoSuchProviderException {
    try {
      return primary.createKeyGenerator(a);
    } catch (NoSuchAlgorithmException e) {
      return fallback.createKeyGenerator(a);
    }
  }

  @Override
  public KeyFactory createKeyFactory(String a) throws NoSuchAlgorithmException, NoSuchProviderException {
    try {
      return primary.createKeyFactory(a);
    } catch (NoSuchAlgorithmException e) {
      return fallback.createKeyFactory(a);
    }
  }

  @Override
  public SecretKeyFactory createSecretKeyFactory(String a) throws NoSuchAlgorithmException, NoSuchProviderException {
    try {
      return primary.createSecretKeyFactory(a);
    } catch (NoSuchAlgorithmException e) {
      return fallback.createSecretKeyFactory(a);
    }
  }

  @Override
  public KeyPairGenerator createKeyPairGenerator(String a) throws NoSuchAlgorithmException, NoSuchProviderException {
    try {
      return primary.createKeyPairGenerator(a);
    } catch (NoSuchAlgorithmException e) {
      return fallback.createKeyPairGenerator(a);
    }
  }

  @Override
  @SuppressWarnings("deprecation")
  public MessageDigest createDigest(String a) throws NoSuchAlgorithmException, NoSuchProviderException {
    try {
      return primary.createDigest(a);
    } catch (NoSuchAlgorithmException e) {
      return fallback.createDigest(a);
    }
  }

  @Override
  public MessageDigest createMessageDigest(String a) throws NoSuchAlgorithmException, NoSuchProviderException {
    try {
      return primary.createMessageDigest(a);
    } catch (NoSuchAlgorithmException e) {
      return fallback.createMessageDigest(a);
    }
  }

  @Override
  public Signature createSignature(String a) throws NoSuchAlgorithmException, NoSuchProviderException {
    try {
      return primary.createSignature(a);
    } catch (NoSuchAlgorithmException e) {
      return fallback.createSignature(a);
    }
  }

  @Override
  public CertificateFactory createCertificateFactory(String a) throws NoSuchProviderException, CertificateException {
    try {
      return primary.createCertificateFactory(a);
    } catch (CertificateException e) {
      return fallback.createCertificateFactory(a);
    }
  }

  @Override
  public SecureRandom createSecureRandom(String a) throws NoSuchAlgorithmException, NoSuchProviderException {
    try {
      return primary.createSecureRandom(a);
    } catch (NoSuchAlgorithmException e) {
      return fallback.createSecureRandom(a);
    }
  }

  @Override
  public CertPathBuilder createCertPathBuilder(String a) throws NoSuchAlgorithmException, NoSuchProviderException {
    try {
      return primary.createCertPathBuilder(a);
    } catch (NoSuchAlgorithmException e) {
      return fallback.createCertPathBuilder(a);
    }
  }

  @Override
  public CertPathValidator createCertPathValidator(String a) throws NoSuchAlgorithmException, NoSuchProviderException {
    try {
      return primary.createCertPathValidator(a);
    } catch (NoSuchAlgorithmException e) {
      return fallback.createCertPathValidator(a);
    }
  }

  @Override
  public CertStore createCertStore(String a, CertStoreParameters p)
      throws NoSuchAlgorithmException, InvalidAlgorithmParameterException, NoSuchProviderException {
    try {
      return primary.createCertStore(a, p);
    } catch (NoSuchAlgorithmException e) {
      return fallback.createCertStore(a, p);
    }
  }

  @Override
  public ExemptionMechanism createExemptionMechanism(String a) throws NoSuchAlgorithmException, NoSuchProviderException {
    try {
      return primary.createExemptionMechanism(a);
    } catch (NoSuchAlgorithmException e) {
      return fallback.createExemptionMechanism(a);
    }
  }

  @Override
  public KeyStore createKeyStore(String a) throws KeyStoreException, NoSuchProviderException {
    try {
      return primary.createKeyStore(a);
    } catch (KeyStoreException e) {
      return fallback.createKeyStore(a);
    }
  }
}
