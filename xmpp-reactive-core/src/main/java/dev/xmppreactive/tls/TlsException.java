package dev.xmppreactive.tls;

import dev.xmppreactive.stream.XmppException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * TLS could not be set up, or the client refused to go on without it. {@link #reason()} says why in a
 * form code can switch on; the other accessors carry the details a user needs to fix it (which
 * certificate was not trusted and what the validator said, which domain was expected and which
 * identities the certificate presented, which file could not be read).
 *
 * <p>Instances come from the static factories; {@link TlsFailures#classify(Throwable)} turns a JSSE or
 * Netty handshake failure into one.
 */
public final class TlsException extends XmppException {

  /** Why TLS failed. */
  public enum Reason {
    /** The server's certificate chain did not validate against the configured trust (RFC 6120 §13.7.2). */
    UNTRUSTED_CERTIFICATE,
    /** The certificate is trusted but names another service (RFC 6125 §6, RFC 6120 §13.7.2.1). */
    IDENTITY_MISMATCH,
    /**
     * No common TLS version: the server offered only TLS 1.1 or older (the client speaks TLS 1.2 and
     * 1.3 only, RFC 7590), or not the versions the settings allow.
     */
    PROTOCOL_TOO_OLD,
    /** The TLS handshake failed for another reason (alert, closed connection, timeout). */
    HANDSHAKE_FAILED,
    /** TLS is required but the server did not offer STARTTLS (RFC 6120 §5.3.1). */
    STARTTLS_REQUIRED_NOT_OFFERED,
    /** The server answered {@code <starttls/>} with {@code <failure/>} (RFC 6120 §5.4.2.2). */
    STARTTLS_REFUSED,
    /** Trust or key material could not be loaded, for example a PEM file that does not parse. */
    INVALID_CONFIGURATION
  }

  /** Why. */
  private final Reason reason;
  /** The validator's reason, protocol detail or configuration problem, or {@code null}. */
  private final String detail;
  /** The domain expected, for identity mismatches, or {@code null}. */
  private final String expectedDomain;
  /** The identities the certificate presented. */
  private final List<String> presentedIdentities;
  /** The chain's subjects, leaf first. */
  private final List<String> certificateSubjects;
  /** The file that could not be loaded, or {@code null}; not serialised (a Path need not be Serializable). */
  private final transient Path file;

  private TlsException(Reason reason, String message, String detail, String expectedDomain,
                       List<String> presentedIdentities, List<String> certificateSubjects, Path file,
                       Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.detail = detail;
    this.expectedDomain = expectedDomain;
    this.presentedIdentities = List.copyOf(presentedIdentities);
    this.certificateSubjects = List.copyOf(certificateSubjects);
    this.file = file;
  }

  /**
   * The server's chain did not validate.
   *
   * @param chainSubjects   the subjects of the presented chain, leaf first
   * @param validatorReason what the trust manager said
   * @param cause           the validator's exception, or {@code null}
   */
  public static TlsException untrustedCertificate(List<String> chainSubjects, String validatorReason,
                                                  Throwable cause) {
    String subject = chainSubjects.isEmpty() ? "(no certificate)" : chainSubjects.get(0);
    return new TlsException(Reason.UNTRUSTED_CERTIFICATE,
        "untrusted server certificate " + subject + ": " + validatorReason
            + " (chain: " + String.join(" <- ", chainSubjects) + ")",
        validatorReason, null, List.of(), chainSubjects, null, cause);
  }

  /**
   * The certificate does not name the XMPP domain.
   *
   * @param expectedDomain the domain the client connects to (the stream's {@code to})
   * @param presented      the identities the certificate presents, e.g. {@code DNS:example.net}
   * @param detail         an extra explanation, or {@code null}
   */
  public static TlsException identityMismatch(String expectedDomain, List<String> presented, String detail) {
    String message = "server certificate does not match the XMPP domain " + expectedDomain
        + "; it presents " + (presented.isEmpty() ? "no usable identity" : presented)
        + (detail == null ? "" : " (" + detail + ")");
    return new TlsException(Reason.IDENTITY_MISMATCH, message, detail, expectedDomain, presented,
        List.of(), null, null);
  }

  /** The negotiated or offered protocol version is older than TLS 1.2. */
  public static TlsException protocolTooOld(String detail, Throwable cause) {
    return new TlsException(Reason.PROTOCOL_TOO_OLD,
        "no TLS version in common with the server (the client accepts only the configured versions, "
            + "TLS 1.2 or newer): " + detail, detail, null, List.of(), List.of(),
        null, cause);
  }

  /** The handshake failed for a reason other than trust, identity or version. */
  public static TlsException handshakeFailed(String detail, Throwable cause) {
    return new TlsException(Reason.HANDSHAKE_FAILED, "TLS handshake failed: " + detail, detail, null,
        List.of(), List.of(), null, cause);
  }

  /** TLS is required and the server's features have no {@code <starttls/>}. */
  public static TlsException startTlsRequiredButNotOffered() {
    return new TlsException(Reason.STARTTLS_REQUIRED_NOT_OFFERED,
        "TLS is required but the server does not offer STARTTLS; not going on in cleartext",
        null, null, List.of(), List.of(), null, null);
  }

  /** The server sent {@code <failure xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>}. */
  public static TlsException startTlsRefused() {
    return new TlsException(Reason.STARTTLS_REFUSED,
        "the server refused STARTTLS (<failure xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>)",
        null, null, List.of(), List.of(), null, null);
  }

  /**
   * Trust or key material could not be loaded.
   *
   * @param what  what went wrong
   * @param file  the file concerned, or {@code null}
   * @param cause the underlying exception, or {@code null}
   */
  public static TlsException invalidConfiguration(String what, Path file, Throwable cause) {
    String message = file == null ? "invalid TLS configuration: " + what
        : "invalid TLS configuration: " + what + ": " + file;
    return new TlsException(Reason.INVALID_CONFIGURATION, message, what, null, List.of(), List.of(),
        file, cause);
  }

  /** Why TLS failed. */
  public Reason reason() {
    return reason;
  }

  /** The validator's reason, the protocol detail or the configuration problem, where there is one. */
  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  /** For {@link Reason#IDENTITY_MISMATCH}: the XMPP domain that was expected. */
  public Optional<String> expectedDomain() {
    return Optional.ofNullable(expectedDomain);
  }

  /** For {@link Reason#IDENTITY_MISMATCH}: the identities found, like {@code DNS:example.net}. */
  public List<String> presentedIdentities() {
    return presentedIdentities;
  }

  /** For {@link Reason#UNTRUSTED_CERTIFICATE}: the subjects of the server's chain, leaf first. */
  public List<String> certificateSubjects() {
    return certificateSubjects;
  }

  /** For {@link Reason#INVALID_CONFIGURATION}: the file that could not be loaded. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** Whether this failure has the given reason. */
  public boolean is(Reason r) {
    return reason == Objects.requireNonNull(r, "r");
  }
}
