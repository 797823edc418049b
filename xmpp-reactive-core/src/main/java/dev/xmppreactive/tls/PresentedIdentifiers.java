package dev.xmppreactive.tls;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.OtherName;

/**
 * The identities a certificate presents (RFC 6125 §1.8, "presented identifier"), parsed with
 * BouncyCastle's ASN.1 classes: subjectAltName dNSName (DNS-ID), uniformResourceIdentifier (URI-ID),
 * otherName id-on-dnsSRV {@code 1.3.6.1.5.5.7.8.7} (SRV-ID, RFC 4985) and otherName id-on-xmppAddr
 * {@code 1.3.6.1.5.5.7.8.5} (XmppAddr, RFC 6120 §13.7.1.4), and the subject's Common Names.
 *
 * @param dnsNames   the dNSName entries
 * @param srvNames   the SRVName entries, e.g. {@code _xmpp-client.example.org}
 * @param xmppAddrs  the XmppAddr entries
 * @param uris       the URI entries
 * @param commonNames the subject's CN values, in the order of the subject
 */
public record PresentedIdentifiers(List<String> dnsNames, List<String> srvNames, List<String> xmppAddrs,
                                   List<String> uris, List<String> commonNames) {

  /** id-on-xmppAddr, RFC 6120 §13.7.1.4. */
  public static final String ID_ON_XMPP_ADDR = "1.3.6.1.5.5.7.8.5";
  /** id-on-dnsSRV, RFC 4985 §2. */
  public static final String ID_ON_DNS_SRV = "1.3.6.1.5.5.7.8.7";

  private static final ASN1ObjectIdentifier XMPP_ADDR = new ASN1ObjectIdentifier(ID_ON_XMPP_ADDR);
  private static final ASN1ObjectIdentifier DNS_SRV = new ASN1ObjectIdentifier(ID_ON_DNS_SRV);

  /** Copies the lists; none may be {@code null}. */
  public PresentedIdentifiers {
    dnsNames = List.copyOf(dnsNames);
    srvNames = List.copyOf(srvNames);
    xmppAddrs = List.copyOf(xmppAddrs);
    uris = List.copyOf(uris);
    commonNames = List.copyOf(commonNames);
  }

  /**
   * Parses the identities of a certificate.
   *
   * @throws IllegalArgumentException if its subjectAltName or subject cannot be parsed
   */
  public static PresentedIdentifiers of(X509Certificate cert) {
    List<String> dns = new ArrayList<>();
    List<String> srv = new ArrayList<>();
    List<String> xmpp = new ArrayList<>();
    List<String> uri = new ArrayList<>();
    try {
      byte[] ext = cert.getExtensionValue(Extension.subjectAlternativeName.getId());
      if (ext != null) {
        byte[] inner = ASN1OctetString.getInstance(ext).getOctets();
        for (GeneralName name : GeneralNames.getInstance(ASN1Primitive.fromByteArray(inner)).getNames()) {
          switch (name.getTagNo()) {
            case GeneralName.dNSName -> dns.add(ASN1IA5String.getInstance(name.getName()).getString());
            case GeneralName.uniformResourceIdentifier ->
                uri.add(ASN1IA5String.getInstance(name.getName()).getString());
            case GeneralName.otherName -> addOtherName(OtherName.getInstance(name.getName()), srv, xmpp);
            default -> { }
          }
        }
      }
      List<String> cns = new ArrayList<>();
      X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
      for (RDN rdn : subject.getRDNs(BCStyle.CN)) {
        ASN1Encodable value = rdn.getFirst().getValue();
        if (value instanceof ASN1String s) {
          cns.add(s.getString());
        }
      }
      return new PresentedIdentifiers(dns, srv, xmpp, uri, cns);
    } catch (java.io.IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot parse the certificate's names: " + e.getMessage(), e);
    }
  }

  private static void addOtherName(OtherName other, List<String> srv, List<String> xmpp) {
    ASN1Encodable value = unwrap(other.getValue());
    if (XMPP_ADDR.equals(other.getTypeID())) {
      xmpp.add(ASN1UTF8String.getInstance(value).getString());
    } else if (DNS_SRV.equals(other.getTypeID())) {
      srv.add(ASN1IA5String.getInstance(value).getString());
    }
  }

  private static ASN1Encodable unwrap(ASN1Encodable value) {
    // OtherName.value is [0] EXPLICIT; BouncyCastle hands back the inner value, but be lenient if a
    // version hands back the tagged object.
    if (value instanceof org.bouncycastle.asn1.ASN1TaggedObject tagged) {
      return tagged.getExplicitBaseObject();
    }
    return value;
  }

  /** Whether any subjectAltName identity of a type this client supports is present (RFC 6125 §6.4.4). */
  public boolean hasSubjectAltIdentifiers() {
    return !dnsNames.isEmpty() || !srvNames.isEmpty() || !xmppAddrs.isEmpty() || !uris.isEmpty();
  }

  /** All identities for messages, each prefixed by its type: {@code DNS:}, {@code SRV:}, {@code XmppAddr:}, {@code URI:}, {@code CN:}. */
  public List<String> describe() {
    List<String> out = new ArrayList<>();
    dnsNames.forEach(n -> out.add("DNS:" + n));
    srvNames.forEach(n -> out.add("SRV:" + n));
    xmppAddrs.forEach(n -> out.add("XmppAddr:" + n));
    uris.forEach(n -> out.add("URI:" + n));
    commonNames.forEach(n -> out.add("CN:" + n));
    return out;
  }
}
