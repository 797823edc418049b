package dev.xmppreactive.benchmarks.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The one deterministic corpus all codec benchmarks use: the inbound side of a client's stream as a
 * server writes it (Prosody's style: single quotes, no {@code xmlns} on stanzas, which take
 * {@code jabber:client} from the stream header).
 *
 * <p>Of {@code n} stanzas, exactly 70% are messages (a chat body, a thread, a XEP-0085 chat state and
 * a XEP-0359 stanza-id; one body in five with characters that must be escaped, one in five with
 * non-ASCII text), 20% presences (XEP-0115 entity caps, show, status, priority) and 10% IQs (pings,
 * empty results, disco#info requests and, one IQ in twenty, a roster result of 200 items), in an
 * order shuffled by the seed. Addresses come from a roster of 200 contacts with up to three
 * resources each, a few with non-ASCII localparts. The same seed always gives the same bytes (it uses
 * {@link Random}, whose sequence the JDK specifies).
 */
public final class StanzaCorpus {

  /** The seed of the corpus the benchmarks use. */
  public static final long SEED = 6120L;
  /** The number of stanzas of the corpus the benchmarks use. */
  public static final int STANZAS = 2000;
  /** The size of the reads the decoders are fed. */
  public static final int CHUNK = 4096;

  /** The stream header the server sends, with the XML declaration. */
  public static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
      + " xmlns:stream='http://etherx.jabber.org/streams' from='example.com' id='c2s-5f1d9a'"
      + " version='1.0' xml:lang='en'>";

  static final String ME = "me@example.com/phone-4f2a";
  static final String ROSTER_ITEMS = "200";

  private static final String[] WORDS = {"the", "meeting", "is", "moved", "to", "tomorrow", "ok",
      "see", "you", "then", "can", "we", "talk", "later", "about", "release", "notes", "build",
      "green", "again", "thanks", "lunch", "at", "noon", "sounds", "good", "I'll", "send", "draft",
      "tonight", "please", "review", "patch", "merged", "yesterday", "deploy", "friday"};
  private static final String[] ESCAPED = {"Tom & Jerry", "a < b && c > d", "\"quoted\"",
      "it's <b>not</b> HTML", "R&D", "x<y>z", "'single' & \"double\""};
  private static final String[] NON_ASCII = {"Grüße aus München", "日本語のメッセージ", "Привет, как дела?",
      "😀 👍 🎉", "café crème brûlée", "Ελληνικά", "مرحبا بالعالم", "naïve façade"};
  private static final String[] LOCALS = {"alice", "bob", "carol", "dave", "erin", "frank",
      "grace", "heidi", "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil",
      "trent", "victor", "walter", "yolanda"};
  private static final String[] NON_ASCII_LOCALS = {"jürgen", "zoë", "françois", "søren", "łukasz"};
  private static final String[] DOMAINS = {"example.org", "jabber.example", "chat.example.net",
      "im.example.com"};
  private static final String[] RESOURCES = {"phone", "laptop", "Conversations.x1Yz", "gajim.K2",
      "tablet"};
  private static final String[] SHOWS = {"away", "chat", "dnd", "xa"};
  private static final String[] CHAT_STATES = {"active", "composing", "paused", "inactive"};
  private static final String[] CAPS = {"https://conversations.im", "https://gajim.org",
      "https://dino.im", "http://psi-im.org"};
  private static final String[] GROUPS = {"Friends", "Work", "Family", "Project X"};

  /** The kinds of stanza in the corpus. */
  public enum Kind {
    /** A chat message. */
    MESSAGE,
    /** A presence. */
    PRESENCE,
    /** An IQ other than a roster result. */
    IQ,
    /** A roster result (an IQ) of 200 items. */
    ROSTER
  }

  private final byte[] header;
  private final byte[] body;
  private final List<String> stanzas;
  private final List<Kind> kinds;

  private StanzaCorpus(byte[] header, byte[] body, List<String> stanzas, List<Kind> kinds) {
    this.header = header;
    this.body = body;
    this.stanzas = stanzas;
    this.kinds = kinds;
  }

  /** The corpus the benchmarks use: {@link #SEED}, {@link #STANZAS}. */
  public static StanzaCorpus standard() {
    return generate(SEED, STANZAS);
  }

  /**
   * Generates a corpus.
   *
   * @param seed  the seed; the same seed gives the same bytes
   * @param count the number of stanzas, a multiple of 20
   */
  public static StanzaCorpus generate(long seed, int count) {
    if (count <= 0 || count % 20 != 0) {
      throw new IllegalArgumentException("a positive multiple of 20: " + count);
    }
    Random r = new Random(seed);
    List<String> contacts = contacts(r);
    List<Kind> order = new ArrayList<>(count);
    int iqs = count / 10;
    int rosters = Math.max(1, iqs / 20);
    add(order, Kind.MESSAGE, count * 7 / 10);
    add(order, Kind.PRESENCE, count * 2 / 10);
    add(order, Kind.IQ, iqs - rosters);
    add(order, Kind.ROSTER, rosters);
    Collections.shuffle(order, r);
    List<String> texts = new ArrayList<>(count);
    ByteArrayOutputStream out = new ByteArrayOutputStream(count * 600);
    int n = 0;
    for (Kind k : order) {
      String id = id(r);
      String s = switch (k) {
        case MESSAGE -> message(r, contacts, id);
        case PRESENCE -> presence(r, contacts, id);
        case IQ -> switch (n++ % 4) {
          case 0, 2 -> "<iq from='example.com' to='" + ME + "' id='" + id + "' type='get'>"
              + "<ping xmlns='urn:xmpp:ping'/></iq>";
          case 1 -> "<iq from='example.com' to='" + ME + "' id='" + id + "' type='result'/>";
          default -> "<iq from='" + full(r, contacts) + "' to='" + ME + "' id='" + id
              + "' type='get'><query xmlns='http://jabber.org/protocol/disco#info' node='"
              + pick(r, CAPS) + "#" + id + "'/></iq>";
        };
        case ROSTER -> roster(r, contacts, id);
      };
      texts.add(s);
      out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
    return new StanzaCorpus(HEADER.getBytes(StandardCharsets.UTF_8), out.toByteArray(),
        List.copyOf(texts), List.copyOf(order));
  }

  private static void add(List<Kind> order, Kind k, int n) {
    for (int i = 0; i < n; i++) {
      order.add(k);
    }
  }

  private static List<String> contacts(Random r) {
    List<String> bare = new ArrayList<>(200);
    for (int i = 0; bare.size() < 200; i++) {
      String local = i % 40 == 7 ? NON_ASCII_LOCALS[(i / 40) % NON_ASCII_LOCALS.length]
          : LOCALS[i % LOCALS.length] + (i / LOCALS.length == 0 ? "" : "." + (i / LOCALS.length));
      String jid = local + "@" + DOMAINS[r.nextInt(DOMAINS.length)];
      if (!bare.contains(jid)) {
        bare.add(jid);
      }
    }
    return bare;
  }

  private static String full(Random r, List<String> contacts) {
    int c = r.nextInt(contacts.size());
    return contacts.get(c) + "/" + RESOURCES[(c + r.nextInt(3)) % RESOURCES.length];
  }

  private static String message(Random r, List<String> contacts, String id) {
    String text = switch (r.nextInt(5)) {
      case 0 -> words(r, 3) + " " + pick(r, ESCAPED) + " " + words(r, 2);
      case 1 -> pick(r, NON_ASCII) + " " + words(r, 3);
      default -> words(r, 2 + r.nextInt(25));
    };
    return "<message from='" + full(r, contacts) + "' to='" + ME + "' type='chat' id='" + id
        + "' xml:lang='en'><body>" + escape(text) + "</body><thread>" + thread(r) + "</thread><"
        + pick(r, CHAT_STATES) + " xmlns='http://jabber.org/protocol/chatstates'/>"
        + "<stanza-id xmlns='urn:xmpp:sid:0' id='" + uuid(r) + "' by='me@example.com'/></message>";
  }

  private static String presence(Random r, List<String> contacts, String id) {
    StringBuilder sb = new StringBuilder(400);
    sb.append("<presence from='").append(full(r, contacts)).append("' to='").append(ME)
        .append("' id='").append(id).append("' xml:lang='en'>");
    if (r.nextInt(10) != 0) {
      sb.append("<show>").append(pick(r, SHOWS)).append("</show>");
    }
    sb.append("<status>").append(escape(r.nextInt(6) == 0 ? pick(r, NON_ASCII) : words(r, 4)))
        .append("</status><priority>").append(r.nextInt(50) - 5).append("</priority>")
        .append("<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='")
        .append(pick(r, CAPS)).append("' ver='").append(base64(r, 20)).append("'/></presence>");
    return sb.toString();
  }

  private static String roster(Random r, List<String> contacts, String id) {
    StringBuilder sb = new StringBuilder(24_000);
    sb.append("<iq from='me@example.com' to='").append(ME).append("' id='").append(id)
        .append("' type='result'><query xmlns='jabber:iq:roster' ver='ver").append(r.nextInt(999))
        .append("'>");
    for (String c : contacts) {
      String name = c.substring(0, c.indexOf('@'));
      sb.append("<item jid='").append(c).append("' name='")
          .append(Character.toUpperCase(name.charAt(0))).append(name.substring(1))
          .append("' subscription='").append(r.nextInt(8) == 0 ? "to" : "both").append("'>")
          .append("<group>").append(escape(pick(r, GROUPS))).append("</group></item>");
    }
    return sb.append("</query></iq>").toString();
  }

  private static String words(Random r, int n) {
    StringBuilder sb = new StringBuilder(n * 7);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(WORDS[r.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")
        .replace("\"", "&quot;");
  }

  private static String id(Random r) {
    return Long.toString(r.nextLong() & Long.MAX_VALUE, 36);
  }

  private static String thread(Random r) {
    return "thr-" + Integer.toString(r.nextInt(1 << 20), 36);
  }

  private static String uuid(Random r) {
    return new java.util.UUID(r.nextLong(), r.nextLong()).toString();
  }

  private static String base64(Random r, int bytes) {
    byte[] b = new byte[bytes];
    r.nextBytes(b);
    return java.util.Base64.getEncoder().encodeToString(b);
  }

  private static String pick(Random r, String[] options) {
    return options[r.nextInt(options.length)];
  }

  /** The stream header's bytes, UTF-8. */
  public byte[] header() {
    return header.clone();
  }

  /** All stanzas, one after the other, as the server sends them after the header; UTF-8. */
  public byte[] body() {
    return body.clone();
  }

  /** The body cut into reads of {@link #CHUNK} bytes (the last one shorter). */
  public List<byte[]> chunks() {
    List<byte[]> out = new ArrayList<>(body.length / CHUNK + 1);
    for (int i = 0; i < body.length; i += CHUNK) {
      out.add(Arrays.copyOfRange(body, i, Math.min(body.length, i + CHUNK)));
    }
    return out;
  }

  /** Each stanza's text, as it appears in the body (no {@code xmlns} of its own). */
  public List<String> stanzas() {
    return stanzas;
  }

  /**
   * Each stanza's text with the stream's default namespace declared on it, {@code xmlns='jabber:client'},
   * so that it means standalone what it means in the stream.
   */
  public List<String> standaloneStanzas() {
    List<String> out = new ArrayList<>(stanzas.size());
    for (String s : stanzas) {
      int name = s.indexOf(' ');
      out.add(s.substring(0, name) + " xmlns='jabber:client'" + s.substring(name));
    }
    return out;
  }

  /** The kind of each stanza, in order. */
  public List<Kind> kinds() {
    return kinds;
  }

  /** The number of stanzas. */
  public int size() {
    return stanzas.size();
  }
}
