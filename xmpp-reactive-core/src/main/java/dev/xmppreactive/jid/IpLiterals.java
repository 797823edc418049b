package dev.xmppreactive.jid;

/**
 * Syntax of IPv6 address literals (RFC 4291 §2.2, with an RFC 6874 zone identifier), for domainparts
 * written as {@code [IPv6address]} (RFC 7622 §3.2, RFC 3986 §3.2.2). IPv4 literals need no check of
 * their own: they are also valid LDH domain names.
 */
final class IpLiterals {

  private IpLiterals() {
  }

  /** Whether {@code s} (without brackets) is an IPv6 address, optionally with {@code %zone}. */
  static boolean isIpv6(String s) {
    int pct = s.indexOf('%');
    if (pct >= 0) {
      String zone = s.substring(pct + 1);
      if (zone.isEmpty() || !zone.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != ']')) {
        return false;
      }
      s = s.substring(0, pct);
    }
    if (s.isEmpty()) {
      return false;
    }
    int groups = 0;
    boolean compressed = false;
    int i = 0;
    int n = s.length();
    if (s.startsWith("::")) {
      compressed = true;
      i = 2;
      if (i == n) {
        return true;
      }
    } else if (s.charAt(0) == ':') {
      return false;
    }
    while (i < n) {
      int j = i;
      while (j < n && s.charAt(j) != ':') {
        j++;
      }
      String g = s.substring(i, j);
      if (g.isEmpty()) {
        return false;
      }
      if (g.indexOf('.') >= 0) {
        // An embedded IPv4 address ends the address and counts as two groups.
        if (j != n || !isIpv4(g)) {
          return false;
        }
        groups += 2;
        break;
      }
      if (g.length() > 4 || !g.chars().allMatch(IpLiterals::isHex)) {
        return false;
      }
      groups++;
      if (j == n) {
        break;
      }
      if (j + 1 < n && s.charAt(j + 1) == ':') {
        if (compressed) {
          return false; // "::" at most once
        }
        compressed = true;
        i = j + 2;
        if (i == n) {
          break;
        }
      } else {
        i = j + 1;
        if (i == n) {
          return false; // trailing single colon
        }
      }
    }
    return compressed ? groups < 8 : groups == 8;
  }

  static boolean isIpv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
          || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
