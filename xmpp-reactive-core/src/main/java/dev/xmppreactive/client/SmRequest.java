package dev.xmppreactive.client;

import dev.xmppreactive.jid.Jid;
import java.time.Duration;

/**
 * What the negotiation should do about Stream Management (XEP-0198) after authentication.
 *
 * @param enable      enable SM (with resumption) after binding, if the server offers it
 * @param max         the preferred maximum resumption time to ask for, or {@code null}
 * @param previd      the SM-ID of a stream to resume, or {@code null}
 * @param h           with {@code previd}: the count of stanzas handled from the old stream
 * @param previousJid with {@code previd}: the full JID of the old stream (kept when it resumes)
 */
record SmRequest(boolean enable, Duration max, String previd, long h, Jid previousJid) {

  static SmRequest none() {
    return new SmRequest(false, null, null, 0, null);
  }

  static SmRequest enable(Duration max) {
    return new SmRequest(true, max, null, 0, null);
  }

  SmRequest resume(String id, long handled, Jid jid) {
    return new SmRequest(enable, max, id, handled, jid);
  }
}
