package dev.xmppreactive.tls;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;

/**
 * Checks a trusted server certificate against the XMPP domain: RFC 6125 §6 as profiled by RFC 6120
 * §13.7.2.1 and kept by RFC 7590 §3.4. In order:
 *
 * <ol>
 *   <li>SRV-ID (otherName id-on-dnsSRV): the service must be {@code xmpp-client}, or for direct TLS
 *       also {@code xmpps-client}, case-insensitively (§6.5.1); the name must equal the domain. No
 *       wildcard is honoured in an SRV-ID.</li>
 *   <li>DNS-ID (dNSName): equal to the domain (§6.4.1, §6.4.2), or a wildcard that is the whole
 *       left-most label and stands for exactly one label (RFC 6120 §13.7.1.2.1; partial-label
 *       wildcards such as {@code x*.example.org} are not honoured, and {@code *.tld} matches nothing).</li>
 *   <li>XmppAddr (otherName id-on-xmppAddr, RFC 6120 §13.7.2.1 allows it as a reference identifier):
 *       equal to the domain; a full JID (with {@code @} or {@code /}) names a user, not a server, and
 *       never matches.</li>
 *   <li>CN-ID, only if enabled and only if the certificate has no DNS-ID, SRV-ID, URI-ID or XmppAddr
 *       at all (RFC 6125 §6.4.4, a MAY). The most specific (last) CN is used, only if it has the form
 *       of a host name, with the DNS-ID rules. RFC 9525 has since dropped CN-IDs; turn it off with
 *       {@link TlsSettings#withCommonNameFallback(boolean)} to follow it.</li>
 * </ol>
 *
 * <p>Names are compared in ASCII form, case-insensitively, U-labels turned into A-labels. IP address
 * identities (iPAddress) are not supported: an IP literal as the XMPP domain never matches.
 */
public final class ServerIdentityVerifier {

  private final boolean commonNameFallback;

  /**
   * A verifier.
   *
   * @param commonNameFallback whether the CN-ID fallback of RFC 6125 §6.4.4 is allowed
   */
  public ServerIdentityVerifier(boolean commonNameFallback) {
    this.commonNameFallback = commonNameFallback;
  }

  /**
   * Checks the identity.
   *
   * @param leaf the server's end-entity certificate, already trusted
   * @param ref  what the client expects
   * @return the matching presented identity, e.g. {@code DNS:*.example.org}
   * @throws TlsException with {@link TlsException.Reason#IDENTITY_MISMATCH} if nothing matches
   */
  public String verify(X509Certificate leaf, ReferenceIdentity ref) {
    PresentedIdentifiers ids;
    try {
      ids = PresentedIdentifiers.of(leaf);
    } catch (IllegalArgumentException e) {
      throw TlsException.identityMismatch(ref.domain(), List.of(), e.getMessage());
    }
    String ascii = ref.asciiDomain();
    for (String srv : ids.srvNames()) {
      if (srvMatches(srv, ref)) {
        return "SRV:" + srv;
      }
    }
    for (String dns : ids.dnsNames()) {
      if (DomainNames.matches(dns, ascii, true)) {
        return "DNS:" + dns;
      }
    }
    for (String addr : ids.xmppAddrs()) {
      if (addr.indexOf('@') < 0 && addr.indexOf('/') < 0 && DomainNames.matches(addr, ascii, false)) {
        return "XmppAddr:" + addr;
      }
    }
    String cnNote = null;
    if (!ids.commonNames().isEmpty()) {
      String cn = ids.commonNames().get(ids.commonNames().size() - 1);
      boolean cnWouldMatch = DomainNames.looksLikeHostName(cn) && DomainNames.matches(cn, ascii, true);
      if (ids.hasSubjectAltIdentifiers()) {
        cnNote = cnWouldMatch ? "CN not used because the certificate has subjectAltName identities (RFC 6125 §6.4.4)"
            : null;
      } else if (!commonNameFallback) {
        cnNote = cnWouldMatch ? "CN fallback is disabled" : null;
      } else if (cnWouldMatch) {
        return "CN:" + cn;
      }
    }
    throw TlsException.identityMismatch(ref.domain(), ids.describe(), cnNote);
  }

  private static boolean srvMatches(String presented, ReferenceIdentity ref) {
    int dot = presented.indexOf('.');
    if (!presented.startsWith("_") || dot < 2 || presented.indexOf('*') >= 0) {
      return false;
    }
    String service = presented.substring(1, dot).toLowerCase(Locale.ROOT);
    return ref.srvServices().contains(service)
        && DomainNames.matches(presented.substring(dot + 1), ref.asciiDomain(), false);
  }
}
