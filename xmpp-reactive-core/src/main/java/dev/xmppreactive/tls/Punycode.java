package dev.xmppreactive.tls;

/**
 * The Punycode encoder of RFC 3492 §6.3, used to turn IDNA U-labels into A-labels for certificate
 * name comparison (RFC 6125 §6.4.2). The JDK has one only behind {@code java.net.IDN}, which applies
 * IDNA2003's mapping first (for example it turns {@code ß} into {@code ss}); IDNA2008, which RFC 6125
 * and RFC 7622 follow, keeps such characters, so the raw encoding is needed.
 */
final class Punycode {

  private static final int BASE = 36;
  private static final int TMIN = 1;
  private static final int TMAX = 26;
  private static final int SKEW = 38;
  private static final int DAMP = 700;
  private static final int INITIAL_BIAS = 72;
  private static final int INITIAL_N = 0x80;

  private Punycode() {
  }

  /**
   * Encodes a label (without the {@code xn--} prefix).
   *
   * @throws IllegalArgumentException if the label is too long to encode without overflow
   */
  static String encode(String label) {
    int[] cps = label.codePoints().toArray();
    StringBuilder out = new StringBuilder(cps.length + 8);
    for (int c : cps) {
      if (c < INITIAL_N) {
        out.append((char) c);
      }
    }
    int basic = out.length();
    int handled = basic;
    if (basic > 0) {
      out.append('-');
    }
    long n = INITIAL_N;
    long delta = 0;
    int bias = INITIAL_BIAS;
    while (handled < cps.length) {
      long m = Long.MAX_VALUE;
      for (int c : cps) {
        if (c >= n && c < m) {
          m = c;
        }
      }
      delta += (m - n) * (handled + 1);
      n = m;
      for (int c : cps) {
        if (c < n) {
          delta++;
        }
        if (c == n) {
          long q = delta;
          for (int k = BASE; ; k += BASE) {
            int t = k <= bias ? TMIN : Math.min(k - bias, TMAX);
            if (q < t) {
              break;
            }
            out.append(digit((int) (t + (q - t) % (BASE - t))));
            q = (q - t) / (BASE - t);
          }
          out.append(digit((int) q));
          bias = adapt(delta, handled + 1, handled == basic);
          delta = 0;
          handled++;
        }
      }
      if (delta > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("label too long for Punycode");
      }
      delta++;
      n++;
    }
    return out.toString();
  }

  private static int adapt(long delta, int points, boolean first) {
    delta = first ? delta / DAMP : delta / 2;
    delta += delta / points;
    int k = 0;
    while (delta > ((BASE - TMIN) * TMAX) / 2) {
      delta /= BASE - TMIN;
      k += BASE;
    }
    return (int) (k + (BASE - TMIN + 1) * delta / (delta + SKEW));
  }

  private static char digit(int d) {
    return (char) (d < 26 ? 'a' + d : '0' + d - 26);
  }
}
